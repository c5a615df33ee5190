package org.latentmap.relocation;

import java.util.Locale;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.latentmap.linalg.CodeProducts;

/**
 * The authors' way of fitting a relocation (their repository, Keras): a dense layer without bias from a
 * Glorot-uniform start, loss = mean squared error over all outputs + l2 x sum of squared weights, Adam
 * (beta1 0.9, beta2 0.999, epsilon 1e-7) on the full batch. Full-batch gradients only need Z1^T Z1 and
 * Z1^T Z2, so they are computed once (by the engine) and each step costs one p x p by p x q product
 * (EJML) whatever the number of points.
 */
final class DenseLayerFit extends MapFit {
    private final int steps;
    private final double learningRate;
    private final double l2;
    private final long seed;

    DenseLayerFit(int steps, double learningRate, double l2, long seed) {
        super(
                String.format(Locale.ROOT, "dense layer (Adam %.0e, %d steps, L2 %.0e)", learningRate, steps, l2),
                "dense layer v1, Adam " + Double.toHexString(learningRate) + ", " + steps + " steps, L2 "
                        + Double.toHexString(l2) + ", seed " + seed);
        if (steps < 1 || !(learningRate > 0) || l2 < 0) {
            throw new IllegalArgumentException(
                    "a dense-layer fit needs steps >= 1, a learning rate > 0 and L2 >= 0; got " + steps + ", "
                            + learningRate + ", " + l2);
        }
        this.steps = steps;
        this.learningRate = learningRate;
        this.l2 = l2;
        this.seed = seed;
    }

    @Override
    LinearMap fitChecked(float[][] source, float[][] target) {
        int n = source.length;
        int p = source[0].length;
        int q = target[0].length;
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
        DMatrixRMaj gw = new DMatrixRMaj(p, q);
        for (int t = 1; t <= steps; t++) {
            // gradient = 2 / (n q) (Z1^T Z1 W - Z1^T Z2) + 2 l2 W
            CommonOps_DDRM.mult(gram, w, gw);
            double rate = learningRate * Math.sqrt(1 - Math.pow(0.999, t)) / (1 - Math.pow(0.9, t));
            for (int i = 0; i < m.length; i++) {
                double g = scale * (gw.data[i] - cross.data[i]) + 2 * l2 * w.data[i];
                m[i] = 0.9 * m[i] + 0.1 * g;
                v[i] = 0.999 * v[i] + 0.001 * g * g;
                w.data[i] -= rate * m[i] / (Math.sqrt(v[i]) + 1e-7);
            }
        }
        return new LinearMap(CodeProducts.rows(w), null, name());
    }
}
