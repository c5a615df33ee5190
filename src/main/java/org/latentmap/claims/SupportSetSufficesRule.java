package org.latentmap.claims;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.latentmap.relocation.FitPoints;
import org.latentmap.studies.Table2;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * Paper Sect. 6: a support set of about 150 points fits a map nearly as good as all the training data, read as
 * every kind of relocation fitted on the support set within {@value PaperClaims#NEARLY} times the M-MSE of the same
 * kind fitted on all the data (half of the kinds: partly).
 */
public final class SupportSetSufficesRule implements ClaimRule {
    private static final String CLAIM =
            "A support set of about 150 points fits a map nearly as good as all the training data";

    @Override
    public List<Claim> judge(ResultTables results) {
        return results.judge(
                Table2.FILE, SupportSetSufficesRule::judge, CLAIM, "6", "support-set maps close to all-data maps");
    }

    private static String kind(Row row) {
        return row.getString(Table2.SOURCE) + "|" + row.getString(Table2.TARGET) + "|" + row.getString(Table2.FIT);
    }

    private static List<Claim> judge(Table table) {
        String mMse = Table2.mean(Table2.M_MSE);
        Map<String, Double> all = new HashMap<>();
        for (Row row : table) {
            if (row.getString(Table2.FITTED_ON).startsWith(FitPoints.ALL_DATA)) {
                all.put(kind(row), row.getDouble(mMse));
            }
        }
        int near = 0;
        int pairs = 0;
        double worst = 0;
        for (Row row : table) {
            Double reference = all.get(kind(row));
            if (row.getString(Table2.FITTED_ON).startsWith(FitPoints.SUPPORT_SET) && reference != null) {
                double ratio = row.getDouble(mMse) / reference;
                pairs++;
                worst = Math.max(worst, ratio);
                if (ratio <= PaperClaims.NEARLY) {
                    near++;
                }
            }
        }
        return List.of(new Claim(
                CLAIM,
                "6, Table 2",
                "support-set rows close to all-data rows",
                String.format(
                        Locale.ROOT,
                        "%d of %d kinds within %.2fx the all-data map's M-MSE; worst %.2fx",
                        near,
                        pairs,
                        PaperClaims.NEARLY,
                        worst),
                Verdict.share(near, pairs, 0.5),
                String.format(
                        Locale.ROOT,
                        "rule: every kind's support-set M-MSE <= %.2f x its all-data M-MSE reproduces it, half of them partly",
                        PaperClaims.NEARLY)));
    }
}
