package org.latentmap.exercises;

/**
 * The one piece of linear algebra the exercises hand to students: solving A X = B for a square A, by
 * Gaussian elimination with partial pivoting. Everything else (products, transposes) they write themselves.
 */
public final class Matrices {
    private Matrices() {}

    /** X with A X = B, for A square (n x n) and B n x m; A and B are left unchanged. */
    public static double[][] solve(double[][] a, double[][] b) {
        int n = a.length;
        if (n == 0 || b.length != n) {
            throw new IllegalArgumentException("solve(A, B) needs A square (n x n) and B with n rows; got A with " + n
                    + " rows and B with " + b.length);
        }
        int m = b[0].length;
        double[][] lu = new double[n][];
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            if (a[i].length != n) {
                throw new IllegalArgumentException(
                        "A must be square: row " + i + " has " + a[i].length + " entries, A has " + n + " rows");
            }
            if (b[i].length != m) {
                throw new IllegalArgumentException(
                        "B's rows differ in length: row 0 has " + m + ", row " + i + " has " + b[i].length);
            }
            lu[i] = a[i].clone();
            x[i] = b[i].clone();
        }
        double scale = 0;
        for (double[] row : lu) {
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        for (int k = 0; k < n; k++) {
            int pivot = k;
            for (int i = k + 1; i < n; i++) {
                if (Math.abs(lu[i][k]) > Math.abs(lu[pivot][k])) {
                    pivot = i;
                }
            }
            if (Math.abs(lu[pivot][k]) <= 1e-13 * scale) {
                throw new IllegalArgumentException("A is singular (no pivot in column " + k
                        + "): its columns are linearly " + "dependent, so A X = B has no single solution");
            }
            double[] t = lu[k];
            lu[k] = lu[pivot];
            lu[pivot] = t;
            t = x[k];
            x[k] = x[pivot];
            x[pivot] = t;
            for (int i = k + 1; i < n; i++) {
                double f = lu[i][k] / lu[k][k];
                if (f == 0) {
                    continue;
                }
                for (int j = k; j < n; j++) {
                    lu[i][j] -= f * lu[k][j];
                }
                for (int j = 0; j < m; j++) {
                    x[i][j] -= f * x[k][j];
                }
            }
        }
        for (int k = n - 1; k >= 0; k--) {
            for (int j = 0; j < m; j++) {
                double s = x[k][j];
                for (int i = k + 1; i < n; i++) {
                    s -= lu[k][i] * x[i][j];
                }
                x[k][j] = s / lu[k][k];
            }
        }
        return x;
    }
}
