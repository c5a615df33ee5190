package org.latentmap.claims;

import java.util.List;
import java.util.Locale;
import java.util.function.BiPredicate;
import org.latentmap.studies.Table2;
import org.latentmap.zoo.ModelFamily;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * Paper Sect. 6, Table 2: the models of one type of relocation are related by a linear map, read as every row of
 * that type relocating within {@value PaperClaims#CLOSE} times the target's own R-MSE (half of the rows: partly).
 * A type is a test on a row's source and target families (Table 2's family names).
 */
public record RelocationTypeRule(String claim, BiPredicate<String, String> kind) implements ClaimRule {
    private static final String GAN = ModelFamily.GAN.displayName();

    /** Type 1: retrainings of one model. */
    public static RelocationTypeRule retrainings() {
        return new RelocationTypeRule(
                "Retrainings of one model (Type 1) are related by a linear map: relocated images nearly as good as the target's own",
                (s, t) -> s.equals(t));
    }

    /** Type 2: a VAE and a Split-VAE. */
    public static RelocationTypeRule differentVaes() {
        return new RelocationTypeRule(
                "A VAE and a Split-VAE (Type 2) are related by a linear map",
                (s, t) -> !s.equals(t) && !s.equals(GAN) && !t.equals(GAN));
    }

    /** Type 3: a GAN and a VAE or Split-VAE. */
    public static RelocationTypeRule ganAndVae() {
        return new RelocationTypeRule(
                "A GAN and a VAE or Split-VAE (Type 3) are related by a linear map",
                (s, t) -> !s.equals(t) && (s.equals(GAN) || t.equals(GAN)));
    }

    @Override
    public List<Claim> judge(ResultTables results) {
        return results.judge(Table2.FILE, this::judge, claim, "6, Table 2", "M-MSE close to the models' R-MSE");
    }

    private List<Claim> judge(Table table) {
        int close = 0;
        int rows = 0;
        double worst = 0;
        for (Row row : table) {
            if (!kind.test(row.getString(Table2.SOURCE), row.getString(Table2.TARGET))) {
                continue;
            }
            double ratio = row.getDouble(Table2.mean(Table2.M_MSE)) / row.getDouble(Table2.mean(Table2.TARGET_R_MSE));
            rows++;
            worst = Math.max(worst, ratio);
            if (ratio <= PaperClaims.CLOSE) {
                close++;
            }
        }
        return List.of(new Claim(
                claim,
                "6, Table 2",
                "M-MSE close to the models' R-MSE (all below 0.039)",
                String.format(
                        Locale.ROOT,
                        "%d of %d rows within %.1fx the target's R-MSE; worst %.2fx",
                        close,
                        rows,
                        PaperClaims.CLOSE,
                        worst),
                Verdict.share(close, rows, 0.5),
                String.format(
                        Locale.ROOT,
                        "rule: every row's M-MSE <= %.1f x the target's R-MSE reproduces it, half of them partly",
                        PaperClaims.CLOSE)));
    }
}
