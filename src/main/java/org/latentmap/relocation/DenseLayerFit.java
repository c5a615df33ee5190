package org.latentmap.relocation;

import java.util.Locale;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.latentmap.linalg.CodeMatrix;
import org.latentmap.linalg.CodeProducts;

/**
 * The authors' way of fitting a relocation (their repository, Keras, {@code comparison.py},
 * {@code transform_with_support}): a dense layer without bias from a Glorot-uniform start, loss = mean squared
 * error over all outputs + l2 x sum of squared weights (Keras' kernel regulariser) + activity x sum of squared
 * outputs / n (Keras' activity regulariser, which it divides by the batch size), Adam (beta1 0.9, beta2 0.999,
 * epsilon 1e-7) on the full batch. Full-batch gradients only need Z1^T Z1 and Z1^T Z2, so they are computed once
 * (by the engine) and each step costs one p x p by p x q product (EJML) whatever the number of points.
 *
 * <p>The loss is quadratic in W, so its minimum has a closed form that the steps approach: setting the gradient
 * 2 / (n q) (G W - C) + 2 l2 W + 2 activity / n G W to zero gives W = ((1 + q activity) G + n q l2 I)^-1 C,
 * a ridge map on a scaled Gram matrix ({@link #closedForm}).
 */
final class DenseLayerFit extends MapFit {
    private final int steps;
    private final double learningRate;
    private final double l2;
    private final double activity;
    private final long seed;

    DenseLayerFit(int steps, double learningRate, double l2, long seed) {
        this(
                String.format(Locale.ROOT, "dense layer (Adam %.0e, %d steps, L2 %.0e)", learningRate, steps, l2),
                "dense layer v1, Adam " + Double.toHexString(learningRate) + ", " + steps + " steps, L2 "
                        + Double.toHexString(l2) + ", seed " + seed,
                steps,
                learningRate,
                l2,
                0,
                seed);
    }

    DenseLayerFit(String name, String recipe, int steps, double learningRate, double l2, double activity, long seed) {
        super(name, recipe);
        if (steps < 1 || !(learningRate > 0) || l2 < 0 || activity < 0) {
            throw new IllegalArgumentException(
                    "a dense-layer fit needs steps >= 1, a learning rate > 0 and L2 >= 0; got " + steps + ", "
                            + learningRate + ", " + l2);
        }
        this.steps = steps;
        this.learningRate = learningRate;
        this.l2 = l2;
        this.activity = activity;
        this.seed = seed;
    }

    /**
     * The authors' fit as they set it up, with an activity regulariser of the same weight as the kernel's, for
     * {@code steps} full-batch steps.
     */
    static DenseLayerFit authors(double penalty, int steps) {
        double rate = 5e-4;
        long seed = 1;
        return new DenseLayerFit(
                String.format(Locale.ROOT, "authors' dense layer (L2 and activity %.1e)", penalty),
                "authors' dense layer v1, Adam " + Double.toHexString(rate) + ", " + steps + " steps, L2 and activity "
                        + Double.toHexString(penalty) + ", seed " + seed,
                steps,
                rate,
                penalty,
                penalty,
                seed);
    }

    /** The minimum the steps approach: W = ((1 + q activity) G + n q l2 I)^-1 C. */
    LinearMap closedForm(CodeMatrix source, CodeMatrix target) {
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
        return new LinearMap(CodeProducts.rows(w), null, name() + ", closed form");
    }

    @Override
    LinearMap fitChecked(CodeMatrix source, CodeMatrix target) {
        int n = source.size();
        int p = source.width();
        int q = target.width();
        DMatrixRMaj x = CodeProducts.matrix(source, false);
        DMatrixRMaj gram = CodeProducts.transposeTimes(x, x);
        DMatrixRMaj cross = CodeProducts.transposeTimes(x, CodeProducts.matrix(target, false));
        DMatrixRMaj w = new DMatrixRMaj(p, q);
        SplittableRandom random = new SplittableRandom(seed);
        double limit = Math.sqrt(6.0 / (p + q));
        for (int i = 0; i < w.data.length; i++) {
            w.data[i] = (2 * random.nextDouble() - 1) * limit;
        }
        double[] m = new double[p * q];
        double[] v = new double[p * q];
        double scale = 2.0 / ((double) n * q);
        double activityScale = 2.0 * activity / n;
        DMatrixRMaj gw = new DMatrixRMaj(p, q);
        for (int t = 1; t <= steps; t++) {
            // gradient = 2 / (n q) (Z1^T Z1 W - Z1^T Z2) + 2 l2 W + 2 activity / n Z1^T Z1 W
            CommonOps_DDRM.mult(gram, w, gw);
            double rate = learningRate * Math.sqrt(1 - Math.pow(0.999, t)) / (1 - Math.pow(0.9, t));
            for (int i = 0; i < m.length; i++) {
                double g = scale * (gw.data[i] - cross.data[i]) + 2 * l2 * w.data[i] + activityScale * gw.data[i];
                m[i] = 0.9 * m[i] + 0.1 * g;
                v[i] = 0.999 * v[i] + 0.001 * g * g;
                w.data[i] -= rate * m[i] / (Math.sqrt(v[i]) + 1e-7);
            }
        }
        return new LinearMap(CodeProducts.rows(w), null, name());
    }
}
