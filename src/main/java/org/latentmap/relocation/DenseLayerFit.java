package org.latentmap.relocation;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The authors' way of fitting a relocation (their repository, Keras): a dense layer without bias from a
 * Glorot-uniform start, loss = mean squared error over all outputs + l2 x sum of squared weights, Adam
 * (beta1 0.9, beta2 0.999, epsilon 1e-7) on the full batch. Full-batch gradients only need Z1^T Z1 and
 * Z1^T Z2, so they are computed once and each step costs O(p^2 q) whatever the number of points.
 */
final class DenseLayerFit extends MapFit {
    private final int steps;
    private final double learningRate;
    private final double l2;
    private final long seed;

    DenseLayerFit(int steps, double learningRate, double l2, long seed) {
        super(String.format(Locale.ROOT, "dense layer (Adam %.0e, %d steps, L2 %.0e)", learningRate, steps, l2));
        if (steps < 1 || !(learningRate > 0) || l2 < 0) {
            throw new IllegalArgumentException("a dense-layer fit needs steps >= 1, a learning rate > 0 and L2 >= 0; got "
                    + steps + ", " + learningRate + ", " + l2);
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
        GramMatrices sums = new GramMatrices(p, q);
        for (int i = 0; i < n; i++) {
            sums.add(source[i], target[i]);
        }
        double[][] gram = sums.gram;
        double[][] cross = sums.cross;
        double[][] w = new double[p][q];
        SplittableRandom random = new SplittableRandom(seed);
        double limit = Math.sqrt(6.0 / (p + q));
        for (double[] row : w) {
            for (int j = 0; j < q; j++) {
                row[j] = (2 * random.nextDouble() - 1) * limit;
            }
        }
        double[][] m = new double[p][q];
        double[][] v = new double[p][q];
        double scale = 2.0 / ((double) n * q);
        double[] gw = new double[q];
        double[][] gradient = new double[p][q];
        for (int t = 1; t <= steps; t++) {
            // gradient = 2 / (n q) (Z1^T Z1 W - Z1^T Z2) + 2 l2 W
            for (int a = 0; a < p; a++) {
                java.util.Arrays.fill(gw, 0);
                double[] g = gram[a];
                for (int b = 0; b < p; b++) {
                    double gab = g[b];
                    if (gab != 0) {
                        double[] wb = w[b];
                        for (int j = 0; j < q; j++) {
                            gw[j] += gab * wb[j];
                        }
                    }
                }
                for (int j = 0; j < q; j++) {
                    gradient[a][j] = scale * (gw[j] - cross[a][j]) + 2 * l2 * w[a][j];
                }
            }
            double rate = learningRate * Math.sqrt(1 - Math.pow(0.999, t)) / (1 - Math.pow(0.9, t));
            for (int a = 0; a < p; a++) {
                for (int j = 0; j < q; j++) {
                    double g = gradient[a][j];
                    m[a][j] = 0.9 * m[a][j] + 0.1 * g;
                    v[a][j] = 0.999 * v[a][j] + 0.001 * g * g;
                    w[a][j] -= rate * m[a][j] / (Math.sqrt(v[a][j]) + 1e-7);
                }
            }
        }
        return new LinearMap(w, null, name());
    }
}
