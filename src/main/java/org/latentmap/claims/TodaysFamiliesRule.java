package org.latentmap.claims;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.latentmap.studies.SameNoise;
import org.latentmap.studies.TrainingSnapshots;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * Two claims of the literature after the paper, tested in notebook 08b (issue 33), each with the rule that judges it:
 * Zhang et al. (arXiv 2310.05264): diffusion models trained apart draw nearly the same image from the same noise with a
 * deterministic sampler; Badrinath et al. (arXiv 2407.13449): a normalizing flow's latent space settles early in its
 * training.
 */
public final class TodaysFamiliesRule implements ClaimRule {
    static final String SAME_NOISE = "Two diffusion retrainings draw nearly the same image from the same noise";
    static final String SETTLES = "A flow's latent space settles early in its training";
    private static final String SECTION = "today's families (08b)";
    private static final String ZHANG = "Zhang et al. 2023 (arXiv 2310.05264)";
    private static final String BADRINATH = "Badrinath et al. 2024 (arXiv 2407.13449)";
    /** Same-noise drawings at most this share of different-noise ones apart: nearly the same. */
    static final double NEARLY_SAME = 0.25;
    /** At most this share: closer than unrelated drawings, but not nearly the same. */
    static final double CLOSER = 0.75;
    /** A snapshot settled by this share of its training: early. */
    static final double EARLY = 0.25;
    /** A retraining's M-MSE at least this many times the fit's floor, or the settling cannot be told. */
    static final double DISCERNIBLE = 1.5;
    /** Settled only by this share: partly. */
    static final double HALF = 0.5;

    @Override
    public List<Claim> judge(ResultTables results) {
        Claim sameNoise = results.read(SameNoise.FILE)
                .map(TodaysFamiliesRule::sameNoise)
                .orElseGet(() -> Claim.notTestable(SAME_NOISE, SECTION, ZHANG, SameNoise.FILE.toString()));
        Claim settles = results.read(TrainingSnapshots.FILE)
                .map(TodaysFamiliesRule::settles)
                .orElseGet(() -> Claim.notTestable(SETTLES, SECTION, BADRINATH, TrainingSnapshots.FILE.toString()));
        return List.of(sameNoise, settles);
    }

    private static Claim sameNoise(Table table) {
        Optional<Double> same = mse(table, SameNoise.SAME);
        Optional<Double> different = mse(table, SameNoise.DIFFERENT);
        if (same.isEmpty() || different.isEmpty() || !(different.get() > 0)) {
            return Claim.notTestable(
                    SAME_NOISE,
                    SECTION,
                    ZHANG,
                    "rows '" + SameNoise.SAME + "' and '" + SameNoise.DIFFERENT + "' in " + SameNoise.FILE.name());
        }
        double share = same.get() / different.get();
        Verdict verdict =
                share <= NEARLY_SAME ? Verdict.REPRODUCED : share <= CLOSER ? Verdict.PARTLY : Verdict.NOT_REPRODUCED;
        return new Claim(
                SAME_NOISE,
                SECTION,
                ZHANG,
                String.format(
                        Locale.ROOT,
                        "pixel MSE %.4f between the two drawings of the same noise, %.4f between drawings of different"
                                + " noises (%.2f of it)",
                        same.get(),
                        different.get(),
                        share),
                verdict,
                "rule: same-noise MSE at most " + NEARLY_SAME + " of the different-noise MSE: reproduced; at most "
                        + CLOSER + ": partly; else not reproduced");
    }

    private static Optional<Double> mse(Table table, String pairs) {
        for (Row row : table) {
            if (row.getString(SameNoise.PAIRS).equals(pairs)) {
                return Optional.of(number(row, SameNoise.MSE));
            }
        }
        return Optional.empty();
    }

    /**
     * A number of the table, NaN where it is missing: a column whose every value is missing (a relocation without a
     * finite error) is read back as text.
     */
    private static double number(Row row, String column) {
        if (row.getColumnType(column) == ColumnType.DOUBLE) {
            return row.getDouble(column);
        }
        try {
            return Double.parseDouble(row.getObject(column).toString());
        } catch (NumberFormatException | NullPointerException e) {
            return Double.NaN;
        }
    }

    private static Claim settles(Table table) {
        double settledAt = Double.NaN;
        double yardstick = Double.NaN;
        double floor = Double.NaN;
        for (Row row : table) {
            yardstick = number(row, TrainingSnapshots.YARDSTICK);
            floor = number(row, TrainingSnapshots.M_MSE); // the last row: the trained flow onto itself
            if (Double.isNaN(settledAt) && number(row, TrainingSnapshots.M_MSE) <= yardstick) {
                settledAt = number(row, TrainingSnapshots.SHARE);
            }
        }
        if (!(yardstick >= DISCERNIBLE * floor)) {
            return new Claim(
                    SETTLES,
                    SECTION,
                    BADRINATH,
                    String.format(
                            Locale.ROOT,
                            "a retraining relocates at M-MSE %.4f, the trained flow onto itself at %.4f: the fit cannot"
                                    + " tell them apart",
                            yardstick,
                            floor),
                    Verdict.NOT_TESTABLE,
                    "rule: testable only when a retraining's M-MSE is at least " + DISCERNIBLE
                            + " times the trained flow's onto itself (the fit's floor)");
        }
        Verdict verdict =
                settledAt <= EARLY ? Verdict.REPRODUCED : settledAt <= HALF ? Verdict.PARTLY : Verdict.NOT_REPRODUCED;
        String measured = Double.isNaN(settledAt)
                ? String.format(
                        Locale.ROOT,
                        "no snapshot is closer to the trained flow than a retraining (M-MSE %.4f)",
                        yardstick)
                : String.format(
                        Locale.ROOT,
                        "closer to the trained flow than a retraining (M-MSE %.4f) from %.0f%% of the training on",
                        yardstick,
                        100 * settledAt);
        return new Claim(
                SETTLES,
                SECTION,
                BADRINATH,
                measured,
                verdict,
                "rule: the first snapshot whose M-MSE onto the trained flow is at most a retraining's comes at most "
                        + (int) (100 * EARLY) + "% into the training: reproduced; at most " + (int) (100 * HALF)
                        + "%: partly; later or never: not reproduced");
    }
}
