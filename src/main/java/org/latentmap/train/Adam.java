package org.latentmap.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Adam optimizer (Kingma and Ba, 2015) over one network's parameters, written here rather than taken
 * from DJL so that its moments can be saved with a checkpoint: a resumed training then continues exactly
 * where the interrupted one stopped. {@link #step()} updates the parameters from their gradients and
 * zeroes the gradients (DJL's gradient collector accumulates them).
 */
public final class Adam {
    private final List<Parameter> parameters;
    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final List<NDArray> means = new ArrayList<>();
    private final List<NDArray> variances = new ArrayList<>();
    private long steps;

    public Adam(List<Parameter> parameters, double learningRate, double beta1, double beta2) {
        this.parameters = List.copyOf(parameters);
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = 1e-8;
        for (Parameter p : this.parameters) {
            NDArray weight = p.getArray();
            means.add(weight.zerosLike());
            variances.add(weight.zerosLike());
        }
    }

    /** One update: m = b1 m + (1 - b1) g, v = b2 v + (1 - b2) g^2, w -= lr_t m / (sqrt(v) + eps). */
    public void step() {
        step(1);
    }

    /** One update at {@code scale} times the learning rate: a schedule's factor for this step. */
    public void step(double scale) {
        if (!(scale >= 0)) {
            throw new IllegalArgumentException("a learning-rate scale is >= 0, got " + scale);
        }
        steps++;
        double correction = Math.sqrt(1 - Math.pow(beta2, steps)) / (1 - Math.pow(beta1, steps));
        double learningRate = this.learningRate * scale;
        float rate = (float) (learningRate * correction);
        try (NDScope ignored = new NDScope()) {
            for (int i = 0; i < parameters.size(); i++) {
                NDArray parameter = parameters.get(i).getArray();
                NDArray gradient = parameter.getGradient();
                NDArray weight = parameter.stopGradient(); // the same storage, updated outside autograd
                // the engine's fused Adam update (one native call per parameter) on moments this class owns
                parameter
                        .getNDArrayInternal()
                        .adamUpdate(
                                new NDList(weight, gradient, means.get(i), variances.get(i)),
                                new NDList(weight),
                                (float) learningRate,
                                rate,
                                0f,
                                1f,
                                -1f,
                                (float) beta1,
                                (float) beta2,
                                (float) epsilon,
                                false,
                                false);
                gradient.subi(gradient);
            }
        }
    }

    /**
     * Switches gradient recording for these parameters off (to freeze a network while another one
     * trains through it) or back on.
     */
    public void requireGradients(boolean required) {
        for (Parameter p : parameters) {
            p.getArray().setRequiresGradient(required);
        }
    }

    /** Number of updates so far. */
    public long steps() {
        return steps;
    }

    public void save(DataOutputStream out) throws IOException {
        out.writeLong(steps);
        out.writeInt(parameters.size());
        for (int i = 0; i < parameters.size(); i++) {
            writeArray(out, means.get(i));
            writeArray(out, variances.get(i));
        }
    }

    public void load(DataInputStream in) throws IOException {
        long savedSteps = in.readLong();
        int count = in.readInt();
        if (count != parameters.size()) {
            throw new IOException(
                    "the checkpoint's optimizer has " + count + " parameters, this network " + parameters.size());
        }
        for (int i = 0; i < count; i++) {
            means.set(i, read(in, means.get(i)));
            variances.set(i, read(in, variances.get(i)));
        }
        steps = savedSteps;
    }

    private static void writeArray(DataOutputStream out, NDArray array) throws IOException {
        byte[] bytes = array.encode();
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /**
     * The saved moment that replaces {@code current} (closed). The saved array takes current's place rather than
     * being copied into it: DJL's copy into an existing array (NDArray.set) goes through a PyTorch dispatch
     * guard that is deprecated and prints a warning.
     */
    private static NDArray read(DataInputStream in, NDArray current) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        NDArray saved = NDArray.decode(current.getManager(), bytes);
        if (!saved.getShape().equals(current.getShape()) || saved.getDataType() != current.getDataType()) {
            String message = "optimizer state of shape " + saved.getShape() + " (" + saved.getDataType()
                    + ") for a parameter of shape " + current.getShape() + " (" + current.getDataType() + ")";
            saved.close();
            throw new IOException(message);
        }
        current.close();
        return saved;
    }
}
