package org.latentmap.relocation;

import java.util.Locale;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.latentmap.linalg.CodeMatrix;
import org.latentmap.linalg.CodeProducts;

/**
 * A dense layer trained by Adam on the full batch. Two set-ups:
 *
 * <ul>
 *   <li>the authors' fit of a relocation (their repository, Keras, {@code comparison.py},
 *       {@code transform_with_support}): no bias, a Glorot-uniform start, loss = mean squared error over all outputs +
 *       l2 x sum of squared weights (Keras' kernel regulariser) + activity x sum of squared outputs / n (Keras' activity
 *       regulariser, which it divides by the batch size), Keras' Adam (epsilon 1e-7 on the uncorrected second
 *       moment);
 *   <li>Maiorca et al.'s "affine" (latentis' {@code SGDAffineTranslator}): a bias, PyTorch's default start for a
 *       linear layer (weights and bias uniform in +-1/sqrt(source variables)), loss = mean squared error, PyTorch's
 *       Adam (epsilon 1e-8 on the corrected second moment), {@value #AFFINE_STEPS} steps at {@value #AFFINE_RATE}.
 * </ul>
 *
 * Full-batch gradients only need X^T X and X^T Y (X with a column of ones for the bias), so they are computed once
 * (by the engine) and each step costs one product by EJML whatever the number of points.
 *
 * <p>The loss is quadratic in W, so its minimum has a closed form that the steps approach: setting the gradient
 * 2 / (n q) (G W - C) + 2 l2 W + 2 activity / n G W to zero gives W = ((1 + q activity) G + n q l2 I)^-1 C,
 * a ridge map on a scaled Gram matrix ({@link #closedForm}).
 */
final class DenseLayerAligner implements Aligner {
    /** latentis' steps for its affine map. */
    static final int AFFINE_STEPS = 300;
    /** latentis' learning rate for its affine map. */
    static final double AFFINE_RATE = 1e-3;

    private final String name;
    private final String recipe;
    private final int steps;
    private final double learningRate;
    private final double l2;
    private final double activity;
    private final long seed;
    private final boolean affine;

    private DenseLayerAligner(
            String name,
            String recipe,
            int steps,
            double learningRate,
            double l2,
            double activity,
            long seed,
            boolean affine) {
        if (steps < 1 || !(learningRate > 0) || l2 < 0 || activity < 0) {
            throw new IllegalArgumentException("a dense-layer fit needs steps >= 1, a learning rate > 0 and L2 >= 0;"
                    + " got " + steps + ", " + learningRate + ", " + l2);
        }
        this.name = name;
        this.recipe = recipe;
        this.steps = steps;
        this.learningRate = learningRate;
        this.l2 = l2;
        this.activity = activity;
        this.seed = seed;
        this.affine = affine;
    }

    /** The authors' layer without their activity term. */
    static DenseLayerAligner denseLayer(int steps, double learningRate, double l2, long seed) {
        return new DenseLayerAligner(
                String.format(Locale.ROOT, "dense layer (Adam %.0e, %d steps, L2 %.0e)", learningRate, steps, l2),
                "dense layer v1, Adam " + Double.toHexString(learningRate) + ", " + steps + " steps, L2 "
                        + Double.toHexString(l2) + ", seed " + seed,
                steps,
                learningRate,
                l2,
                0,
                seed,
                false);
    }

    /** The authors' fit as they set it up, with an activity regulariser of the same weight as the kernel's. */
    static DenseLayerAligner authors(double penalty, int steps) {
        double rate = 5e-4;
        long seed = 1;
        return new DenseLayerAligner(
                String.format(Locale.ROOT, "authors' dense layer (L2 and activity %.1e)", penalty),
                "authors' dense layer v1, Adam " + Double.toHexString(rate) + ", " + steps + " steps, L2 and activity "
                        + Double.toHexString(penalty) + ", seed " + seed,
                steps,
                rate,
                penalty,
                penalty,
                seed,
                false);
    }

    /** A layer with any settings (tests: the closed form against the steps). */
    static DenseLayerAligner of(int steps, double learningRate, double l2, double activity, long seed) {
        return new DenseLayerAligner("dense layer", null, steps, learningRate, l2, activity, seed, false);
    }

    /** Maiorca et al.'s affine map by gradient descent. */
    static DenseLayerAligner affine(int steps, double learningRate, long seed) {
        return new DenseLayerAligner(
                "affine",
                "affine by Adam v1 (PyTorch start and Adam), " + steps + " steps, rate "
                        + Double.toHexString(learningRate) + ", seed " + seed,
                steps,
                learningRate,
                0,
                0,
                seed,
                true);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String recipe() {
        return recipe;
    }

    /** The minimum the steps approach (without a bias): W = ((1 + q activity) G + n q l2 I)^-1 C. */
    double[][] closedForm(CodeMatrix source, CodeMatrix target) {
        int n = source.size();
        int q = target.width();
        DMatrixRMaj x = CodeProducts.matrix(source, false);
        DMatrixRMaj gram = CodeProducts.transposeTimes(x, x);
        DMatrixRMaj cross = CodeProducts.transposeTimes(x, CodeProducts.matrix(target, false));
        CommonOps_DDRM.scale(1 + q * activity, gram);
        for (int i = 0; i < gram.numRows; i++) {
            gram.add(i, i, (double) n * q * l2);
        }
        DMatrixRMaj w = new DMatrixRMaj(gram.numCols, q);
        if (!CommonOps_DDRM.solve(gram, cross, w)) {
            throw new IllegalArgumentException("the dense layer's normal equations are singular: give it an L2 > 0");
        }
        return CodeProducts.rows(w);
    }

    @Override
    public Alignment align(DMatrixRMaj source, DMatrixRMaj target, int sourceVariables) {
        int n = source.numRows;
        int p = sourceVariables;
        int q = target.numCols;
        DMatrixRMaj x = source;
        if (affine || p < source.numCols) {
            x = new DMatrixRMaj(n, p + (affine ? 1 : 0));
            CommonOps_DDRM.extract(source, 0, n, 0, p, x, 0, 0);
            if (affine) {
                for (int i = 0; i < n; i++) {
                    x.unsafe_set(i, p, 1);
                }
            }
        }
        int rows = x.numCols;
        DMatrixRMaj gram = CodeProducts.transposeTimes(x, x);
        DMatrixRMaj cross = CodeProducts.transposeTimes(x, target);
        DMatrixRMaj w = new DMatrixRMaj(rows, q);
        SplittableRandom random = new SplittableRandom(seed);
        double limit = affine ? 1 / Math.sqrt(p) : Math.sqrt(6.0 / (p + q));
        for (int i = 0; i < w.data.length; i++) {
            w.data[i] = (2 * random.nextDouble() - 1) * limit;
        }
        double[] m = new double[rows * q];
        double[] v = new double[rows * q];
        double scale = 2.0 / ((double) n * q);
        double activityScale = 2.0 * activity / n;
        int penalised = p * q; // the weights, not the bias (the last row)
        DMatrixRMaj gw = new DMatrixRMaj(rows, q);
        for (int t = 1; t <= steps; t++) {
            // gradient = 2 / (n q) (X^T X W - X^T Y) + 2 l2 W + 2 activity / n X^T X W
            CommonOps_DDRM.mult(gram, w, gw);
            if (affine) {
                // PyTorch's Adam: w -= rate / (1 - b1^t) m / (sqrt(v / (1 - b2^t)) + 1e-8)
                double step = learningRate / (1 - Math.pow(0.9, t));
                double correction = Math.sqrt(1 - Math.pow(0.999, t));
                for (int i = 0; i < m.length; i++) {
                    double g = scale * (gw.data[i] - cross.data[i]) + (i < penalised ? 2 * l2 * w.data[i] : 0);
                    m[i] = 0.9 * m[i] + 0.1 * g;
                    v[i] = 0.999 * v[i] + 0.001 * g * g;
                    w.data[i] -= step * m[i] / (Math.sqrt(v[i]) / correction + 1e-8);
                }
            } else {
                // Keras' Adam: w -= rate sqrt(1 - b2^t) / (1 - b1^t) m / (sqrt(v) + 1e-7)
                double rate = learningRate * Math.sqrt(1 - Math.pow(0.999, t)) / (1 - Math.pow(0.9, t));
                for (int i = 0; i < m.length; i++) {
                    double g = scale * (gw.data[i] - cross.data[i]) + 2 * l2 * w.data[i] + activityScale * gw.data[i];
                    m[i] = 0.9 * m[i] + 0.1 * g;
                    v[i] = 0.999 * v[i] + 0.001 * g * g;
                    w.data[i] -= rate * m[i] / (Math.sqrt(v[i]) + 1e-7);
                }
            }
        }
        DMatrixRMaj weights = new DMatrixRMaj(source.numCols, q);
        CommonOps_DDRM.extract(w, 0, p, 0, q, weights, 0, 0);
        double[] bias = null;
        if (affine) {
            bias = new double[q];
            System.arraycopy(w.data, p * q, bias, 0, q);
        }
        return new Alignment(weights, bias, null);
    }
}
