package org.latentmap.similarity;

import org.latentmap.linalg.CodeMatrix;

/**
 * Linear centred kernel alignment (Kornblith et al., 2019) between two representations of the same points,
 * X (n x p) and Y (n x q), columns centred: ||Y'X||_F^2 / (||X'X||_F ||Y'Y||_F). It is 1 for spaces equal
 * up to a rotation and an overall scale, and near 0 for unrelated ones; the two spaces may differ in size.
 */
public final class LinearCka {
    private LinearCka() {}

    /** The CKA of two sets of codes of the same points, row i of both being point i. */
    public static double of(CodeMatrix x, CodeMatrix y) {
        if (x.size() != y.size()) {
            throw new IllegalArgumentException(
                    x.size() + " codes against " + y.size() + ": CKA compares codes of the same points");
        }
        if (x.size() < 2) {
            throw new IllegalArgumentException("CKA needs at least 2 points; got " + x.size());
        }
        double[][] a = centred(x);
        double[][] b = centred(y);
        double cross = frobeniusSquared(product(a, b));
        double xx = Math.sqrt(frobeniusSquared(product(a, a)));
        double yy = Math.sqrt(frobeniusSquared(product(b, b)));
        if (xx == 0 || yy == 0) {
            throw new IllegalArgumentException("CKA of a space whose codes are all equal is undefined");
        }
        return cross / (xx * yy);
    }

    private static double[][] centred(CodeMatrix codes) {
        int n = codes.size();
        int p = codes.width();
        double[] mean = new double[p];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < p; k++) {
                mean[k] += codes.get(i, k);
            }
        }
        double[][] out = new double[n][p];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < p; k++) {
                out[i][k] = codes.get(i, k) - mean[k] / n;
            }
        }
        return out;
    }

    /** A'B for A (n x p) and B (n x q). */
    private static double[][] product(double[][] a, double[][] b) {
        int p = a[0].length;
        int q = b[0].length;
        double[][] out = new double[p][q];
        for (int i = 0; i < a.length; i++) {
            double[] ai = a[i];
            double[] bi = b[i];
            for (int k = 0; k < p; k++) {
                double v = ai[k];
                double[] row = out[k];
                for (int j = 0; j < q; j++) {
                    row[j] += v * bi[j];
                }
            }
        }
        return out;
    }

    private static double frobeniusSquared(double[][] m) {
        double sum = 0;
        for (double[] row : m) {
            for (double v : row) {
                sum += v * v;
            }
        }
        return sum;
    }
}
