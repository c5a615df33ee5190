package org.latentmap.bench.handwritten;

/**
 * Solves (G + lambda I) W = C for a symmetric positive semi-definite G and lambda > 0 by Cholesky
 * factorisation: the ridge normal equations, used where only Gram matrices are at hand
 * (the validated ridge). Matrices are given as rows; nothing given is changed.
 */
final class Cholesky {
    private Cholesky() {}

    static double[][] solve(double[][] gram, double lambda, double[][] right) {
        int p = gram.length;
        double[][] l = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = gram[i][j] + (i == j ? lambda : 0);
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(sum > 0)) {
                        throw new IllegalArgumentException(
                                "the regularised Gram matrix is not positive definite at variable " + i + " (penalty "
                                        + lambda + "): use a larger penalty");
                    }
                    l[i][i] = Math.sqrt(sum);
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        int q = right[0].length;
        double[][] w = new double[p][q];
        for (int c = 0; c < q; c++) {
            double[] y = new double[p];
            for (int i = 0; i < p; i++) {
                double sum = right[i][c];
                for (int k = 0; k < i; k++) {
                    sum -= l[i][k] * y[k];
                }
                y[i] = sum / l[i][i];
            }
            for (int i = p - 1; i >= 0; i--) {
                double sum = y[i];
                for (int k = i + 1; k < p; k++) {
                    sum -= l[k][i] * w[k][c];
                }
                w[i][c] = sum / l[i][i];
            }
        }
        return w;
    }
}
