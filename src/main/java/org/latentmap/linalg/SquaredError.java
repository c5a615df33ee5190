package org.latentmap.linalg;

/**
 * The mean squared difference of two vectors of one length (two images' pixels, two codes): the one routine behind
 * the pixel and code errors of paper Sect. 6 (R-MSE's terms aside, which the engine computes) and every comparison of
 * images in the project. Summed in double, in index order. Two precisions, kept apart because results rest on them:
 * between two float vectors each difference is taken in single precision, as they hold it; against a double vector
 * (a mean image computed in double) in double.
 */
public final class SquaredError {
    private SquaredError() {}

    /** The mean over k of (a[k] - b[k])², each difference in single precision. */
    public static double mean(float[] a, float[] b) {
        requireSameLength(a.length, b.length);
        return mean(a, 0, b, 0, a.length);
    }

    /** The same over {@code length} values of {@code a} from {@code aFrom} and of {@code b} from {@code bFrom}. */
    public static double mean(float[] a, int aFrom, float[] b, int bFrom, int length) {
        return sum(a, aFrom, b, bFrom, length) / length;
    }

    /** The sum of those squares (a squared Euclidean distance), each difference in single precision. */
    public static double sum(float[] a, int aFrom, float[] b, int bFrom, int length) {
        double sum = 0;
        for (int k = 0; k < length; k++) {
            double d = a[aFrom + k] - b[bFrom + k];
            sum += d * d;
        }
        return sum;
    }

    /** The mean over k of (a[k] - b[k])², each difference in double precision. */
    public static double mean(float[] a, double[] b) {
        requireSameLength(a.length, b.length);
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            double d = a[k] - b[k];
            sum += d * d;
        }
        return sum / a.length;
    }

    private static void requireSameLength(int a, int b) {
        if (a != b) {
            throw new IllegalArgumentException("vectors of " + a + " and " + b + " values have no squared error");
        }
    }
}
