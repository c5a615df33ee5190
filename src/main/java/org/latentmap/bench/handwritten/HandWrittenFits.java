package org.latentmap.bench.handwritten;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The map fits as the library computed them before EJML (its state at commit 500f610): least squares and
 * ridge by Householder QR on the codes, the validated ridge's penalty from the folds' Gram matrices by
 * Cholesky, orthogonal Procrustes from the eigen-decomposition of M'M. Weights as rows (source variables x
 * target variables), the bias as the last row where there is one.
 */
public final class HandWrittenFits {
    private static final int FOLDS = 5;

    private HandWrittenFits() {}

    /** Least squares (lambda 0) or ridge, with or without a bias row, by QR on the rows extended by sqrt(lambda) I. */
    public static double[][] closedForm(float[][] source, float[][] target, boolean bias, double lambda) {
        int n = source.length;
        int p = source[0].length;
        int q = target[0].length;
        int unknowns = p + (bias ? 1 : 0);
        int rows = n + (lambda > 0 ? p : 0);
        double[][] a = new double[unknowns][rows];
        double[][] b = new double[q][rows];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < p; k++) {
                a[k][i] = source[i][k];
            }
            if (bias) {
                a[p][i] = 1;
            }
            for (int j = 0; j < q; j++) {
                b[j][i] = target[i][j];
            }
        }
        for (int k = 0; lambda > 0 && k < p; k++) {
            a[k][n + k] = Math.sqrt(lambda);
        }
        return LeastSquares.solve(a, b);
    }

    /** The validated ridge's penalty: {@code factors} x the codes' scale, the one of least 5-fold held-out error. */
    public static double validatedLambda(float[][] source, float[][] target, double[] factors) {
        int n = source.length;
        int p = source[0].length;
        int q = target[0].length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(1);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        List<GramMatrices> folds = new ArrayList<>();
        double[] squares = new double[FOLDS];
        for (int f = 0; f < FOLDS; f++) {
            folds.add(new GramMatrices(p, q));
        }
        for (int position = 0; position < n; position++) {
            int i = order[position];
            int f = position % FOLDS;
            folds.get(f).add(source[i], target[i]);
            for (float y : target[i]) {
                squares[f] += (double) y * y;
            }
        }
        double[][] gram = new double[p][p];
        double[][] cross = new double[p][q];
        for (GramMatrices fold : folds) {
            add(gram, fold.gram, 1);
            add(cross, fold.cross, 1);
        }
        double scale = 0;
        for (int k = 0; k < p; k++) {
            scale += gram[k][k];
        }
        scale /= p;
        double bestError = Double.POSITIVE_INFINITY;
        double best = 0;
        for (double factor : factors) {
            double lambda = factor * scale;
            double error = 0;
            for (int f = 0; f < FOLDS; f++) {
                double[][] trainGram = copy(gram);
                add(trainGram, folds.get(f).gram, -1);
                double[][] trainCross = copy(cross);
                add(trainCross, folds.get(f).cross, -1);
                double[][] w = Cholesky.solve(trainGram, lambda, trainCross);
                error += heldOut(w, folds.get(f).gram, folds.get(f).cross, squares[f]);
            }
            if (error < bestError) {
                bestError = error;
                best = lambda;
            }
        }
        return best;
    }

    /** Procrustes between standardised spaces, with the bias as the last row. */
    public static double[][] procrustes(float[][] source, float[][] target) {
        int n = source.length;
        int p = source[0].length;
        int q = target[0].length;
        double[][] stats1 = meanAndSd(source);
        double[][] stats2 = meanAndSd(target);
        double[][] m = new double[p][q];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < p; k++) {
                double x = (source[i][k] - stats1[0][k]) / stats1[1][k];
                for (int j = 0; j < q; j++) {
                    m[k][j] += x * (target[i][j] - stats2[0][j]) / stats2[1][j];
                }
            }
        }
        double[][] mtm = new double[q][q];
        for (int a = 0; a < q; a++) {
            for (int b = 0; b < q; b++) {
                for (int k = 0; k < p; k++) {
                    mtm[a][b] += m[k][a] * m[k][b];
                }
            }
        }
        SymmetricEigen eigen = SymmetricEigen.of(mtm);
        double largest = 0;
        for (double value : eigen.values) {
            largest = Math.max(largest, value);
        }
        double[][] inverseRoot = new double[q][q];
        for (int e = 0; e < q; e++) {
            if (!(eigen.values[e] > 1e-10 * largest)) {
                continue;
            }
            double factor = 1 / Math.sqrt(eigen.values[e]);
            for (int a = 0; a < q; a++) {
                for (int b = 0; b < q; b++) {
                    inverseRoot[a][b] += eigen.vectors[a][e] * factor * eigen.vectors[b][e];
                }
            }
        }
        double[][] out = new double[p + 1][q];
        for (int j = 0; j < q; j++) {
            out[p][j] = stats2[0][j];
            for (int k = 0; k < p; k++) {
                double r = 0;
                for (int b = 0; b < q; b++) {
                    r += m[k][b] * inverseRoot[b][j];
                }
                out[k][j] = r * stats2[1][j] / stats1[1][k];
                out[p][j] -= stats1[0][k] * out[k][j];
            }
        }
        return out;
    }

    private static double heldOut(double[][] w, double[][] gram, double[][] cross, double squares) {
        double total = squares;
        for (int k = 0; k < w.length; k++) {
            for (int j = 0; j < w[0].length; j++) {
                double gw = 0;
                for (int m = 0; m < w.length; m++) {
                    gw += gram[k][m] * w[m][j];
                }
                total += w[k][j] * (gw - 2 * cross[k][j]);
            }
        }
        return Math.max(0, total);
    }

    private static double[][] meanAndSd(float[][] codes) {
        int p = codes[0].length;
        double[][] stats = new double[2][p];
        for (float[] code : codes) {
            for (int k = 0; k < p; k++) {
                stats[0][k] += code[k] / (double) codes.length;
            }
        }
        for (float[] code : codes) {
            for (int k = 0; k < p; k++) {
                double d = code[k] - stats[0][k];
                stats[1][k] += d * d / codes.length;
            }
        }
        for (int k = 0; k < p; k++) {
            stats[1][k] = stats[1][k] > 1e-24 ? Math.sqrt(stats[1][k]) : 1;
        }
        return stats;
    }

    private static void add(double[][] into, double[][] part, double sign) {
        for (int i = 0; i < into.length; i++) {
            for (int j = 0; j < into[i].length; j++) {
                into[i][j] += sign * part[i][j];
            }
        }
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
