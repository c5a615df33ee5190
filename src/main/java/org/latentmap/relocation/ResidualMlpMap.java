package org.latentmap.relocation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.latentmap.train.GradMode;
import org.latentmap.train.Losses;

/**
 * A linear map plus a small network on its residual, z2 = z1 W + f(z1), f a one-hidden-layer ReLU network on
 * the standardised source code: the paper's future work ("residual nonlinearities", Sect. 8). Fitted by
 * {@link ResidualMlpFit}; both use its one forward pass, {@link #residual}, on the engine.
 */
public final class ResidualMlpMap implements CodeMap {
    private final LinearMap linear;
    private final Standardisation input;
    private final float[] hiddenWeights;
    private final float[] hiddenBias;
    private final float[] outputWeights;
    private final float[] outputBias;
    private final String fit;

    /** Weights as row-major arrays: hidden p x h, output h x q. */
    ResidualMlpMap(LinearMap linear, Standardisation input, float[] hiddenWeights, float[] hiddenBias,
                   float[] outputWeights, float[] outputBias, String fit) {
        this.linear = linear;
        this.input = input;
        this.hiddenWeights = hiddenWeights;
        this.hiddenBias = hiddenBias;
        this.outputWeights = outputWeights;
        this.outputBias = outputBias;
        this.fit = fit;
    }

    /**
     * The network on the residual, f(x) = relu(x W1 + b1) W2 + b2 for standardised source codes x: the one
     * forward pass, used by the fit (on arrays that record gradients) and by {@link #apply}.
     */
    static NDArray residual(NDArray x, NDArray w1, NDArray b1, NDArray w2, NDArray b2) {
        NDArray h = x.matMul(w1).add(b1);
        h = h.maximum(Losses.scalar(h, 0f)); // an engine-owned zero: see Losses.scalar
        return h.matMul(w2).add(b2);
    }

    /** The map as numbers, for {@link StoredRelocations}: the linear part's, standardisation, h, the four weight arrays. */
    double[] toValues() {
        int p = sourceSize();
        int h = hiddenBias.length;
        double[] linearValues = StoredRelocations.linearValues(linear);
        double[] values = new double[linearValues.length + 2 * p + 1 + hiddenWeights.length + h + outputWeights.length + outputBias.length];
        int at = 0;
        System.arraycopy(linearValues, 0, values, at, linearValues.length);
        at += linearValues.length;
        for (int k = 0; k < p; k++) {
            values[at++] = input.mean[k];
        }
        for (int k = 0; k < p; k++) {
            values[at++] = input.sd[k];
        }
        values[at++] = h;
        for (float[] part : new float[][] {hiddenWeights, hiddenBias, outputWeights, outputBias}) {
            for (float v : part) {
                values[at++] = v;
            }
        }
        return values;
    }

    /** The map {@link #toValues()} gave, with {@code fit} its name. */
    static ResidualMlpMap fromValues(double[] values, String fit) {
        LinearMap linear = StoredRelocations.linearFromValues(values, 0, fit);
        int at = StoredRelocations.linearLength(values, 0);
        int p = linear.sourceSize();
        int q = linear.targetSize();
        double[] mean = java.util.Arrays.copyOfRange(values, at, at + p);
        double[] sd = java.util.Arrays.copyOfRange(values, at + p, at + 2 * p);
        at += 2 * p;
        int h = (int) values[at++];
        float[][] parts = {new float[p * h], new float[h], new float[h * q], new float[q]};
        for (float[] part : parts) {
            for (int i = 0; i < part.length; i++) {
                part[i] = (float) values[at++];
            }
        }
        if (at != values.length) {
            throw new IllegalArgumentException("a stored residual map of " + values.length + " numbers where its sizes make " + at);
        }
        return new ResidualMlpMap(linear, Standardisation.of(mean, sd), parts[0], parts[1], parts[2], parts[3], fit);
    }

    /** The linear part alone. */
    public LinearMap linear() {
        return linear;
    }

    @Override
    public float[][] apply(float[][] codes) {
        float[][] out = linear.apply(codes);
        int n = codes.length;
        int p = sourceSize();
        int h = hiddenBias.length;
        int q = targetSize();
        if (n == 0) {
            return out;
        }
        float[] x = new float[n * p];
        for (int i = 0; i < n; i++) {
            if (codes[i].length != p) {
                throw new IllegalArgumentException("a code of size " + codes[i].length + " for a map from a space of size " + p);
            }
            for (int k = 0; k < p; k++) {
                x[i * p + k] = (float) input.apply(codes[i][k], k);
            }
        }
        GradMode.offForThisThread();
        float[] residuals;
        try (NDManager manager = NDManager.newBaseManager()) {
            residuals = residual(manager.create(x, new Shape(n, p)), manager.create(hiddenWeights, new Shape(p, h)),
                    manager.create(hiddenBias, new Shape(h)), manager.create(outputWeights, new Shape(h, q)),
                    manager.create(outputBias, new Shape(q))).toFloatArray();
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < q; j++) {
                out[i][j] += residuals[i * q + j];
            }
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
