package org.latentmap.bench.handwritten;

/**
 * Least squares by Householder QR: the W minimising ||A W - B||^2 for a tall A (n x p, n >= p) and several
 * right-hand sides B (n x q) at once. QR works on A itself rather than on A^T A, so it loses half as many
 * digits on ill-conditioned codes as the normal equations would. Matrices are given as columns.
 */
final class LeastSquares {
    private LeastSquares() {}

    /**
     * Solves min ||A W - B||; {@code a} holds A's p columns (each of length n), {@code b} B's q columns.
     * Both are overwritten. Returns W as p rows of q values. Throws when A's columns are linearly dependent
     * (to working precision).
     */
    static double[][] solve(double[][] a, double[][] b) {
        int p = a.length;
        int n = a[0].length;
        if (n < p) {
            throw new IllegalArgumentException(n + " equations for " + p + " unknowns per output");
        }
        double[] diagonal = new double[p];
        double largest = 0;
        for (int k = 0; k < p; k++) {
            double[] column = a[k];
            double norm = 0;
            for (int i = k; i < n; i++) {
                norm += column[i] * column[i];
            }
            norm = Math.sqrt(norm);
            largest = Math.max(largest, norm);
            if (norm == 0 || norm <= 1e-12 * largest) {
                throw new RankDeficient(k);
            }
            double alpha = column[k] > 0 ? -norm : norm;
            // v = x - alpha e1, kept in column[k..n); H = I - 2 v v^T / (v^T v)
            column[k] -= alpha;
            double vv = 0;
            for (int i = k; i < n; i++) {
                vv += column[i] * column[i];
            }
            for (int j = k + 1; j < p; j++) {
                reflect(column, a[j], k, n, vv);
            }
            for (double[] rhs : b) {
                reflect(column, rhs, k, n, vv);
            }
            diagonal[k] = alpha;
        }
        int q = b.length;
        double[][] w = new double[p][q];
        for (int j = 0; j < q; j++) {
            for (int k = p - 1; k >= 0; k--) {
                double sum = b[j][k];
                for (int m = k + 1; m < p; m++) {
                    sum -= a[m][k] * w[m][j];
                }
                w[k][j] = sum / diagonal[k];
            }
        }
        return w;
    }

    private static void reflect(double[] v, double[] x, int from, int n, double vv) {
        double dot = 0;
        for (int i = from; i < n; i++) {
            dot += v[i] * x[i];
        }
        double scale = 2 * dot / vv;
        for (int i = from; i < n; i++) {
            x[i] -= scale * v[i];
        }
    }

    /** A's column {@code column} depends linearly on the ones before it. */
    static final class RankDeficient extends IllegalArgumentException {
        final int column;

        RankDeficient(int column) {
            super("column " + column + " of the source codes depends linearly on the others");
            this.column = column;
        }
    }
}
