package org.latentmap.relocation;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Chooses the ridge penalty of a relocation map by k-fold cross-validation on the fit points themselves,
 * for fits where plain least squares is barely or not determined: the paper's support set has 150 images
 * and its Split-VAE 150 variables (Sect. 6). The pairs are dealt into {@value #FOLDS} folds in a seeded
 * random order; every penalty of a logarithmic grid is fitted on four folds and scored on the fifth, and
 * the penalty with the least held-out error wins.
 *
 * <p>Penalties are given relative to the codes' scale: lambda = factor x trace(Z1^T Z1) / p, the mean sum of
 * squares of one source variable, so one grid suits codes of any size and spread. Held-out errors are mean
 * squared errors per code entry, the units of L-MSE. Everything is computed from the folds' Gram matrices
 * (Z1^T Z1, Z1^T Z2), so the cost after one pass over the points does not grow with their number.
 */
public final class RidgeValidation {
    public static final int FOLDS = 5;
    /** The grid of relative penalties: 1e-6 to 10 in steps of half a decade. */
    private static final double[] FACTORS = grid(-6, 1);
    private static final long SEED = 1;

    private final double[] lambdas;
    private final double[] errors;
    private final int best;

    private RidgeValidation(double[] lambdas, double[] errors) {
        this.lambdas = lambdas;
        this.errors = errors;
        int b = 0;
        for (int i = 1; i < errors.length; i++) {
            if (errors[i] < errors[b]) {
                b = i;
            }
        }
        this.best = b;
    }

    /** Validates every penalty of the grid on these pairs of codes (row i of both is one image). */
    public static RidgeValidation of(float[][] source, float[][] target) {
        int n = source.length;
        if (n < FOLDS || n != target.length) {
            throw new IllegalArgumentException(n + " source and " + target.length + " target codes: choosing a ridge"
                    + " penalty by " + FOLDS + "-fold validation needs at least " + FOLDS + " pairs of codes of the same images");
        }
        int p = source[0].length;
        int q = target[0].length;
        int[] fold = folds(n);
        GramMatrices[] sums = new GramMatrices[FOLDS];
        for (int f = 0; f < FOLDS; f++) {
            sums[f] = new GramMatrices(p, q);
        }
        double[] targetSquares = new double[FOLDS];
        int[] count = new int[FOLDS];
        for (int i = 0; i < n; i++) {
            int f = fold[i];
            sums[f].add(source[i], target[i]);
            for (float y : target[i]) {
                targetSquares[f] += (double) y * y;
            }
            count[f]++;
        }
        double[][][] gram = new double[FOLDS][][];
        double[][][] cross = new double[FOLDS][][];
        for (int f = 0; f < FOLDS; f++) {
            gram[f] = sums[f].gram;
            cross[f] = sums[f].cross;
        }
        double[][] gramAll = sum(gram);
        double[][] crossAll = sum(cross);
        double scale = 0;
        for (int k = 0; k < p; k++) {
            scale += gramAll[k][k];
        }
        scale /= p;
        if (!(scale > 0)) {
            throw new IllegalArgumentException("the source codes are all zero: no map can be fitted from them");
        }
        double[] lambdas = new double[FACTORS.length];
        double[] errors = new double[FACTORS.length];
        for (int g = 0; g < FACTORS.length; g++) {
            lambdas[g] = FACTORS[g] * scale;
        }
        for (int f = 0; f < FOLDS; f++) {
            double[][] trainGram = minus(gramAll, gram[f]);
            double[][] trainCross = minus(crossAll, cross[f]);
            for (int g = 0; g < lambdas.length; g++) {
                double[][] w = Cholesky.solve(trainGram, lambdas[g], trainCross);
                errors[g] += heldOutSquares(w, gram[f], cross[f], targetSquares[f]);
            }
        }
        for (int g = 0; g < errors.length; g++) {
            errors[g] /= (double) n * q;
        }
        return new RidgeValidation(lambdas, errors);
    }

    /** The chosen penalty: least held-out error on the grid. */
    public double bestLambda() {
        return lambdas[best];
    }

    /** The chosen penalty relative to the codes' scale (a factor of the grid). */
    public double bestFactor() {
        return FACTORS[best];
    }

    /** The held-out mean squared error per code entry at the chosen penalty. */
    public double bestError() {
        return errors[best];
    }

    /** The penalties tried, smallest first. */
    public double[] lambdas() {
        return lambdas.clone();
    }

    /** The relative penalties tried (lambda over the codes' scale), smallest first. */
    public double[] factors() {
        return FACTORS.clone();
    }

    /** The held-out mean squared error per code entry of each penalty tried. */
    public double[] errors() {
        return errors.clone();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ridge penalty %.3g (%.2g x the codes' scale) by %d-fold validation: held-out error %.4g",
                bestLambda(), bestFactor(), FOLDS, bestError());
    }

    /** Sum over held-out rows of ||z W - y||^2 = tr(W^T G W) - 2 tr(W^T C) + sum y^2. */
    private static double heldOutSquares(double[][] w, double[][] gram, double[][] cross, double targetSquares) {
        int p = w.length;
        int q = w[0].length;
        double total = targetSquares;
        for (int k = 0; k < p; k++) {
            for (int j = 0; j < q; j++) {
                double gw = 0;
                for (int m = 0; m < p; m++) {
                    gw += gram[k][m] * w[m][j];
                }
                total += w[k][j] * (gw - 2 * cross[k][j]);
            }
        }
        return Math.max(0, total);
    }

    private static int[] folds(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] fold = new int[n];
        for (int position = 0; position < n; position++) {
            fold[order[position]] = position % FOLDS;
        }
        return fold;
    }

    private static double[][] sum(double[][][] parts) {
        double[][] total = new double[parts[0].length][parts[0][0].length];
        for (double[][] part : parts) {
            for (int i = 0; i < total.length; i++) {
                for (int j = 0; j < total[i].length; j++) {
                    total[i][j] += part[i][j];
                }
            }
        }
        return total;
    }

    private static double[][] minus(double[][] a, double[][] b) {
        double[][] d = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                d[i][j] = a[i][j] - b[i][j];
            }
        }
        return d;
    }

    private static double[] grid(int fromExponent, int toExponent) {
        int steps = 2 * (toExponent - fromExponent) + 1;
        double[] factors = new double[steps];
        for (int i = 0; i < steps; i++) {
            factors[i] = Math.pow(10, fromExponent + i / 2.0);
        }
        return factors;
    }
}
