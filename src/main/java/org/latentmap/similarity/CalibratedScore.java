package org.latentmap.similarity;

import java.util.Locale;

/**
 * A similarity score read against its permutation null ({@link PermutationNull}): the score, the mean and sd of the
 * scores of the same spaces with the pairing shuffled, the score corrected for chance, {@code (score - null mean) /
 * (1 - null mean)} (0 at chance, 1 for identical spaces, as the adjusted Rand index and Cohen's kappa correct), and
 * the p-value {@code (1 + shuffles scoring at least as high) / (1 + shuffles)} (Phipson and Smyth, 2010).
 */
public record CalibratedScore(
        String measure, double score, double nullMean, double nullSd, double calibrated, double pValue, int shuffles) {

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "%s %.4f (null %.4f ± %.4f over %d shuffles; calibrated %.4f, p = %.4f)",
                measure,
                score,
                nullMean,
                nullSd,
                shuffles,
                calibrated,
                pValue);
    }
}
