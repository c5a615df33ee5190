package org.latentmap.relocation;

/**
 * A linear map plus a small network on its residual, z2 = z1 W + f(z1), f a one-hidden-layer ReLU network on
 * the standardised source code: the paper's future work ("residual nonlinearities", Sect. 8). Fitted by
 * {@link ResidualMlpFit}; applied here in plain Java.
 */
public final class ResidualMlpMap implements CodeMap {
    private final LinearMap linear;
    private final Standardisation input;
    private final float[][] hiddenWeights;
    private final float[] hiddenBias;
    private final float[][] outputWeights;
    private final float[] outputBias;
    private final String fit;

    ResidualMlpMap(LinearMap linear, Standardisation input, float[][] hiddenWeights, float[] hiddenBias,
                   float[][] outputWeights, float[] outputBias, String fit) {
        this.linear = linear;
        this.input = input;
        this.hiddenWeights = hiddenWeights;
        this.hiddenBias = hiddenBias;
        this.outputWeights = outputWeights;
        this.outputBias = outputBias;
        this.fit = fit;
    }

    /** The linear part alone. */
    public LinearMap linear() {
        return linear;
    }

    @Override
    public float[][] apply(float[][] codes) {
        float[][] out = linear.apply(codes);
        int p = sourceSize();
        int h = hiddenBias.length;
        int q = targetSize();
        double[] start = toDouble(hiddenBias);
        double[] hidden = new double[h];
        for (int i = 0; i < codes.length; i++) {
            System.arraycopy(start, 0, hidden, 0, h);
            for (int k = 0; k < p; k++) {
                double x = input.apply(codes[i][k], k);
                float[] row = hiddenWeights[k];
                for (int u = 0; u < h; u++) {
                    hidden[u] += x * row[u];
                }
            }
            for (int j = 0; j < q; j++) {
                out[i][j] += outputBias[j];
            }
            for (int u = 0; u < h; u++) {
                double a = Math.max(0, hidden[u]);
                if (a != 0) {
                    float[] row = outputWeights[u];
                    for (int j = 0; j < q; j++) {
                        out[i][j] += (float) (a * row[j]);
                    }
                }
            }
        }
        return out;
    }

    private static double[] toDouble(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    @Override
    public int sourceSize() {
        return linear.sourceSize();
    }

    @Override
    public int targetSize() {
        return linear.targetSize();
    }

    @Override
    public String fit() {
        return fit;
    }

    @Override
    public String toString() {
        return "ResidualMlpMap[" + sourceSize() + " -> " + targetSize() + ", hidden " + hiddenBias.length + ", " + fit + "]";
    }
}
