package org.latentmap.metrics;

import java.util.Arrays;
import java.util.Locale;

/** Mean, standard deviation and correlations of a few numbers, as the paper's tables report them (mean ± sd over trainings). */
public final class Stats {
    private Stats() {}

    public static double mean(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("the mean of no values is undefined");
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** Sample standard deviation (n - 1 in the denominator); 0 for a single value. */
    public static double sd(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double mean = mean(values);
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / (values.length - 1));
    }

    /** "0.0123 ± 0.0004", with {@code digits} significant digits for the mean. */
    public static String meanSd(double[] values, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "g ± %.1g", mean(values), sd(values));
    }
    /** {@code value} rounded to {@code digits} significant digits, for tables. */
    public static double significant(double value, int digits) {
        return Double.parseDouble(String.format(Locale.ROOT, "%." + digits + "g", value));
    }

    /**
     * Spearman's rank correlation of two paired samples: Pearson's correlation of their ranks, ties given
     * their mean rank. 1 when one grows with the other, -1 when one falls as the other grows.
     */
    public static double spearman(double[] x, double[] y) {
        if (x.length != y.length || x.length < 2) {
            throw new IllegalArgumentException(
                    "a rank correlation needs two samples of equal size >= 2; got " + x.length + " and " + y.length);
        }
        return pearson(ranks(x), ranks(y));
    }

    /** Pearson's correlation of two paired samples. */
    public static double pearson(double[] x, double[] y) {
        double mx = mean(x);
        double my = mean(y);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    static double[] ranks(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] ranks = new double[values.length];
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int t = i; t <= j; t++) {
                ranks[order[t]] = rank;
            }
            i = j + 1;
        }
        return ranks;
    }
}
