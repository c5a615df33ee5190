package org.latentmap.metrics;

/** Mean and standard deviation of a few numbers, as the paper's tables report them (mean ± sd over trainings). */
public final class Stats {
    private Stats() {
    }

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
        return String.format(java.util.Locale.ROOT, "%." + digits + "g ± %.1g", mean(values), sd(values));
    }
}
