package org.latentmap.relocation;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.latentmap.engine.GradMode;
import org.latentmap.linalg.CodeMatrix;
import org.latentmap.linalg.Standardisation;
import org.latentmap.store.PackedValues;
import org.latentmap.train.Adam;

/**
 * Fits a {@link ResidualMlpMap}: first the linear part (by default {@link MapFit#validatedRidge()}), then a
 * one-hidden-layer ReLU network on what it leaves, trained by Adam on minibatches with a tenth of the fit
 * points held out. The network's output layer starts at zero, so training starts from the linear map, and the
 * parameters kept are those with the smallest held-out error, checked every 100 steps (the linear map alone
 * included): on few points the network is simply not used.
 */
public final class ResidualMlpFit implements CodeMapFit {
    private static final int CHECK_EVERY = 100;

    private final MapFit linearFit;
    private final int hidden;
    private final int steps;
    private final int batchSize;
    private final double learningRate;
    private final long seed;

    private ResidualMlpFit(MapFit linearFit, int hidden, int steps, int batchSize, double learningRate, long seed) {
        if (hidden < 1 || steps < 1 || batchSize < 1 || !(learningRate > 0)) {
            throw new IllegalArgumentException(
                    "a residual network needs hidden units, steps and batch size >= 1 and a learning rate > 0; got "
                            + hidden + ", " + steps + ", " + batchSize + ", " + learningRate);
        }
        this.linearFit = linearFit;
        this.hidden = hidden;
        this.steps = steps;
        this.batchSize = batchSize;
        this.learningRate = learningRate;
        this.seed = seed;
    }

    /** Validated ridge, then 128 hidden units trained for 2,000 steps of 256 codes at Adam 1e-3. */
    public static ResidualMlpFit standard() {
        return new ResidualMlpFit(MapFit.validatedRidge(), 128, 2000, 256, 1e-3, 1);
    }

    public ResidualMlpFit hidden(int units) {
        return new ResidualMlpFit(linearFit, units, steps, batchSize, learningRate, seed);
    }

    public ResidualMlpFit steps(int count) {
        return new ResidualMlpFit(linearFit, hidden, count, batchSize, learningRate, seed);
    }

    public ResidualMlpFit linearPart(MapFit fit) {
        return new ResidualMlpFit(fit, hidden, steps, batchSize, learningRate, seed);
    }

    @Override
    public String name() {
        return String.format(Locale.ROOT, "%s + residual MLP (%d)", linearFit.name(), hidden);
    }

    /** Reads the residual maps this fit writes ({@link ResidualMlpMap#write}). */
    @Override
    public CodeMap read(int kind, PackedValues.Reader packed, String fit) {
        if (kind != ResidualMlpMap.STORED_KIND) {
            throw new IllegalArgumentException("a stored map of kind " + kind + " where " + name()
                    + " stores residual maps (kind " + ResidualMlpMap.STORED_KIND + ")");
        }
        return ResidualMlpMap.read(packed, fit);
    }

    @Override
    public String recipe() {
        String linear = linearFit.recipe();
        return linear == null
                ? null
                : "residual MLP v1, " + hidden + " hidden, " + steps + " steps of " + batchSize + ", Adam "
                        + Double.toHexString(learningRate) + ", seed " + seed + ", checked every " + CHECK_EVERY
                        + "; linear part: " + linear;
    }

    @Override
    public ResidualMlpMap fit(CodeMatrix source, CodeMatrix target) {
        LinearMap linear = linearFit.fit(source, target);
        int n = source.size();
        int p = source.width();
        int q = target.width();
        CodeMatrix mapped = linear.apply(source);
        Standardisation standard = Standardisation.of(source);
        float[] inputs = new float[n * p];
        float[] residuals = new float[n * q];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < p; k++) {
                inputs[i * p + k] = (float) standard.apply(source.get(i, k), k);
            }
            for (int j = 0; j < q; j++) {
                residuals[i * q + j] = target.get(i, j) - mapped.get(i, j);
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] order = permutation(n, random);
        int held = n >= 10 ? Math.max(1, n / 10) : 0;
        int[] validation = Arrays.copyOfRange(order, 0, held);
        int[] training = Arrays.copyOfRange(order, held, n);
        GradMode.offForThisThread();
        try (NDManager manager = NDManager.newBaseManager()) {
            double limit1 = Math.sqrt(6.0 / (p + hidden));
            Parameter w1 = parameter(manager, "w1", uniform(p * hidden, limit1, random), new Shape(p, hidden));
            Parameter b1 = parameter(manager, "b1", new float[hidden], new Shape(hidden));
            Parameter w2 = parameter(manager, "w2", new float[hidden * q], new Shape(hidden, q));
            Parameter b2 = parameter(manager, "b2", new float[q], new Shape(q));
            List<Parameter> parameters = List.of(w1, b1, w2, b2);
            Adam adam = new Adam(parameters, learningRate, 0.9, 0.999);
            NDArray xHeld = held > 0 ? manager.create(gather(inputs, validation, p), new Shape(held, p)) : null;
            NDArray rHeld = held > 0 ? manager.create(gather(residuals, validation, q), new Shape(held, q)) : null;
            float[][] best = snapshot(parameters);
            double bestError = held > 0 ? heldOutError(parameters, xHeld, rHeld) : Double.NaN;
            int batch = Math.min(batchSize, training.length);
            int cursor = training.length;
            for (int step = 1; step <= steps && training.length > 0; step++) {
                if (cursor + batch > training.length) {
                    shuffle(training, random);
                    cursor = 0;
                }
                int[] rows = Arrays.copyOfRange(training, cursor, cursor + batch);
                cursor += batch;
                try (NDScope ignored = new NDScope();
                        var collector = Engine.getInstance().newGradientCollector()) {
                    NDArray predicted =
                            forward(parameters, manager.create(gather(inputs, rows, p), new Shape(batch, p)));
                    NDArray wanted = manager.create(gather(residuals, rows, q), new Shape(batch, q));
                    collector.backward(predicted.sub(wanted).square().mean());
                }
                adam.step();
                if (held > 0 && step % CHECK_EVERY == 0) {
                    double error = heldOutError(parameters, xHeld, rHeld);
                    if (error < bestError) {
                        bestError = error;
                        best = snapshot(parameters);
                    }
                }
            }
            if (held == 0) {
                best = snapshot(parameters);
            }
            return new ResidualMlpMap(linear, standard, best[0], best[1], best[2], best[3], name());
        }
    }

    private static NDArray forward(List<Parameter> parameters, NDArray x) {
        return ResidualMlpMap.residual(
                x,
                parameters.get(0).getArray(),
                parameters.get(1).getArray(),
                parameters.get(2).getArray(),
                parameters.get(3).getArray());
    }

    private static double heldOutError(List<Parameter> parameters, NDArray x, NDArray r) {
        try (NDScope ignored = new NDScope()) {
            return forward(parameters, x).sub(r).square().mean().getFloat();
        }
    }

    private static Parameter parameter(NDManager manager, String name, float[] values, Shape shape) {
        Parameter parameter = Parameter.builder()
                .setName(name)
                .setType(Parameter.Type.OTHER)
                .optArray(manager.create(values, shape))
                .build();
        parameter.getArray().setRequiresGradient(true);
        return parameter;
    }

    private static float[][] snapshot(List<Parameter> parameters) {
        float[][] values = new float[parameters.size()][];
        for (int i = 0; i < values.length; i++) {
            values[i] = parameters.get(i).getArray().stopGradient().toFloatArray();
        }
        return values;
    }

    /** The rows {@code which} of a row-major matrix with {@code width} columns. */
    private static float[] gather(float[] flat, int[] which, int width) {
        float[] out = new float[which.length * width];
        for (int i = 0; i < which.length; i++) {
            System.arraycopy(flat, which[i] * width, out, i * width, width);
        }
        return out;
    }

    private static float[] uniform(int count, double limit, SplittableRandom random) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) ((2 * random.nextDouble() - 1) * limit);
        }
        return values;
    }

    private static int[] permutation(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        shuffle(order, random);
        return order;
    }

    private static void shuffle(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }
}
