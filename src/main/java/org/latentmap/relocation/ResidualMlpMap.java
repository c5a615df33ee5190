package org.latentmap.relocation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.latentmap.engine.GradMode;
import org.latentmap.engine.Tensors;
import org.latentmap.linalg.CodeMatrix;
import org.latentmap.linalg.Standardisation;
import org.latentmap.store.PackedValues;

/**
 * A linear map plus a small network on its residual, z2 = z1 W + f(z1), f a one-hidden-layer ReLU network on
 * the standardised source code: the paper's future work ("residual nonlinearities", Sect. 8). Fitted by
 * {@link ResidualMlpFit}; both use its one forward pass, {@link #residual}, on the engine.
 */
public final class ResidualMlpMap implements StorableMap {
    private final LinearMap linear;
    private final Standardisation input;
    private final float[] hiddenWeights;
    private final float[] hiddenBias;
    private final float[] outputWeights;
    private final float[] outputBias;
    private final String fit;

    /** Weights as row-major arrays: hidden p x h, output h x q. */
    ResidualMlpMap(
            LinearMap linear,
            Standardisation input,
            float[] hiddenWeights,
            float[] hiddenBias,
            float[] outputWeights,
            float[] outputBias,
            String fit) {
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
        h = h.maximum(Tensors.scalar(h, 0f)); // an engine-owned zero: see Tensors.scalar
        return h.matMul(w2).add(b2);
    }

    /** This kind's number in stored maps ({@link #write}). */
    public static final int STORED_KIND = 2;

    /** Writes {@value #STORED_KIND}, then the linear part, the standardisation and the network's weights. */
    @Override
    public void write(PackedValues packed) {
        packed.add(STORED_KIND);
        linear.writeNumbers(packed);
        packed.add(input.mean())
                .add(input.sd())
                .add(hiddenWeights)
                .add(hiddenBias)
                .add(outputWeights)
                .add(outputBias);
    }

    /** The map {@link #write} wrote (after its kind), read from {@code packed}, with {@code fit} its name. */
    static ResidualMlpMap read(PackedValues.Reader packed, String fit) {
        LinearMap linear = LinearMap.readNumbers(packed, fit);
        Standardisation input = Standardisation.of(packed.doubles(), packed.doubles());
        return new ResidualMlpMap(
                linear, input, packed.floats(), packed.floats(), packed.floats(), packed.floats(), fit);
    }

    /** The linear part alone. */
    public LinearMap linear() {
        return linear;
    }

    @Override
    public CodeMatrix apply(CodeMatrix codes) {
        CodeMatrix linearPart = linear.apply(codes);
        int n = codes.size();
        int p = sourceSize();
        int h = hiddenBias.length;
        int q = targetSize();
        if (n == 0) {
            return linearPart;
        }
        float[] x = new float[n * p];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < p; k++) {
                x[i * p + k] = (float) input.apply(codes.get(i, k), k);
            }
        }
        GradMode.offForThisThread();
        float[] residuals;
        try (NDManager manager = NDManager.newBaseManager()) {
            residuals = residual(
                            manager.create(x, new Shape(n, p)),
                            manager.create(hiddenWeights, new Shape(p, h)),
                            manager.create(hiddenBias, new Shape(h)),
                            manager.create(outputWeights, new Shape(h, q)),
                            manager.create(outputBias, new Shape(q)))
                    .toFloatArray();
        }
        float[] out = linearPart.values();
        for (int i = 0; i < out.length; i++) {
            out[i] += residuals[i];
        }
        return CodeMatrix.of(out, q);
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
        return "ResidualMlpMap[" + sourceSize() + " -> " + targetSize() + ", hidden " + hiddenBias.length + ", " + fit
                + "]";
    }
}
