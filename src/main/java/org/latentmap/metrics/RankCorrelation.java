package org.latentmap.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import tech.tablesaw.api.DoubleColumn;

/**
 * Spearman's rank correlation over pairs of units (pairs of models), with a bootstrap interval that resamples the
 * units, not the pairs: 105 pairs of 15 models share their models, so resampling the pairs would count them as 105
 * independent draws and give too narrow an interval. Each resample draws as many units as there are, with
 * replacement, and keeps every pair of two drawn copies of different units (a unit drawn twice brings its pairs
 * twice); the interval is the 2.5th and 97.5th percentiles of the resamples' correlations (Tablesaw's percentile).
 */
public record RankCorrelation(double rho, double low, double high, int pairs, int resamples) {
    /**
     * The correlation of {@code x} and {@code y}, one value each per pair ({@code first[i]}, {@code second[i]}) of
     * units numbered 0 to {@code units - 1}, with its interval from {@code resamples} resamples drawn from
     * {@code seed}.
     */
    public static RankCorrelation overPairs(
            int[] first, int[] second, double[] x, double[] y, int units, int resamples, long seed) {
        int n = x.length;
        if (first.length != n || second.length != n || y.length != n) {
            throw new IllegalArgumentException("pairs, and both values of each, come in arrays of one length; got "
                    + first.length + ", " + second.length + ", " + n + " and " + y.length);
        }
        if (n < 3 || resamples < 1) {
            throw new IllegalArgumentException("a rank correlation with an interval needs at least 3 pairs and 1"
                    + " resample; got " + n + " and " + resamples);
        }
        double rho = Stats.spearman(x, y);
        SplittableRandom random = new SplittableRandom(seed);
        List<Double> draws = new ArrayList<>();
        int[] copies = new int[units];
        for (int r = 0; r < resamples; r++) {
            Arrays.fill(copies, 0);
            for (int u = 0; u < units; u++) {
                copies[random.nextInt(units)]++;
            }
            int size = 0;
            for (int i = 0; i < n; i++) {
                size += copies[first[i]] * copies[second[i]];
            }
            if (size < 3) {
                continue;
            }
            double[] xs = new double[size];
            double[] ys = new double[size];
            int at = 0;
            for (int i = 0; i < n; i++) {
                for (int c = copies[first[i]] * copies[second[i]]; c > 0; c--) {
                    xs[at] = x[i];
                    ys[at++] = y[i];
                }
            }
            double drawn = Stats.spearman(xs, ys);
            if (!Double.isNaN(drawn)) {
                draws.add(drawn);
            }
        }
        if (draws.isEmpty()) {
            return new RankCorrelation(rho, Double.NaN, Double.NaN, n, 0);
        }
        DoubleColumn column = DoubleColumn.create("resampled rho", draws);
        return new RankCorrelation(rho, column.percentile(2.5), column.percentile(97.5), n, draws.size());
    }

    /** Whether the interval lies wholly below 0 (the higher the measure, the lower the other). */
    public boolean negative() {
        return high < 0;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "rho %.3f [%.3f, %.3f] over %d pairs", rho, low, high, pairs);
    }
}
