package org.latentmap.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.latentmap.studies.SimilarityVersusRelocation;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * A finding of this project, not a claim of the paper (issue 32, notebook 08): does a similarity measure that needs
 * no map predict how well a map relocates, and after calibration against a permutation null, does local agreement
 * (mutual k-NN, CKNNA) predict it better than global agreement (CKA, SVCCA), as Gröger et al. (arXiv 2602.14486,
 * 2026) find local agreement to outlast calibration where global convergence fades?
 */
public final class SimilarityPredictsRule implements ClaimRule {
    static final String PREDICTS = "Calibrated similarity predicts relocation error (finding of this project)";
    static final String LOCAL = "After calibration, local agreement predicts relocation better than global";
    private static final String SECTION = "beyond the paper (08)";
    private static final String GROGER = "Gröger et al. 2026: local agreement outlasts calibration";

    @Override
    public List<Claim> judge(ResultTables results) {
        return results.read(SimilarityVersusRelocation.FILE)
                .map(SimilarityPredictsRule::judge)
                .orElseGet(() -> List.of(
                        Claim.notTestable(
                                PREDICTS, SECTION, "not in the paper", SimilarityVersusRelocation.FILE.toString()),
                        Claim.notTestable(LOCAL, SECTION, GROGER, SimilarityVersusRelocation.FILE.toString())));
    }

    private static List<Claim> judge(Table table) {
        int predicting = 0;
        int calibrated = 0;
        List<String> lines = new ArrayList<>();
        for (Row row : table) {
            if (row.getString(SimilarityVersusRelocation.FORM).equals(SimilarityVersusRelocation.CALIBRATED)) {
                calibrated++;
                if (row.getString(SimilarityVersusRelocation.VERDICT).equals(SimilarityVersusRelocation.PREDICTS)) {
                    predicting++;
                }
                lines.add(SimilarityVersusRelocation.describe(row));
            }
        }
        Row bestLocal = SimilarityVersusRelocation.strongest(
                        table, SimilarityVersusRelocation.LOCAL_AGREEMENT, SimilarityVersusRelocation.CALIBRATED)
                .orElse(null);
        Row bestGlobal = SimilarityVersusRelocation.strongest(
                        table, SimilarityVersusRelocation.GLOBAL_AGREEMENT, SimilarityVersusRelocation.CALIBRATED)
                .orElse(null);
        List<Claim> claims = new ArrayList<>();
        claims.add(new Claim(
                PREDICTS,
                SECTION,
                "not in the paper",
                predicting + " of " + calibrated + " calibrated measures predict it; Spearman rho with M-MSE / target"
                        + " R-MSE [95% interval]: " + String.join("; ", lines),
                Verdict.share(predicting, calibrated, 1.0 / Math.max(1, calibrated)),
                "rule: a measure predicts when its rho's 95% model-bootstrap interval lies wholly below 0; every"
                        + " calibrated measure: reproduced, some: partly, none: not reproduced"));
        if (bestLocal == null || bestGlobal == null) {
            claims.add(Claim.notTestable(
                    LOCAL,
                    SECTION,
                    GROGER,
                    "calibrated rows of both local and global measures in " + SimilarityVersusRelocation.FILE.name()));
            return claims;
        }
        double localRho = bestLocal.getDouble(SimilarityVersusRelocation.RHO);
        double globalRho = bestGlobal.getDouble(SimilarityVersusRelocation.RHO);
        double localHigh = bestLocal.getDouble(SimilarityVersusRelocation.HIGH);
        Verdict verdict = localRho >= globalRho
                ? Verdict.NOT_REPRODUCED
                : localHigh < globalRho ? Verdict.REPRODUCED : Verdict.PARTLY;
        claims.add(new Claim(
                LOCAL,
                SECTION,
                GROGER,
                String.format(
                        Locale.ROOT,
                        "strongest local: %s; strongest global: %s",
                        SimilarityVersusRelocation.describe(bestLocal),
                        SimilarityVersusRelocation.describe(bestGlobal)),
                verdict,
                "rule: the best calibrated local measure's rho below the best global's, with its interval's upper"
                        + " end below the global rho: reproduced; below but within its interval: partly; else not"));
        return claims;
    }
}
