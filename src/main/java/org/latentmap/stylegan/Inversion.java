package org.latentmap.stylegan;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import java.util.List;
import java.util.Locale;
import org.latentmap.data.ImageSet;
import org.latentmap.engine.GradMode;
import org.latentmap.linalg.CodeMatrix;
import org.latentmap.metrics.Stats;
import org.latentmap.model.Adversarial;
import org.latentmap.store.PackedValues;
import org.latentmap.store.Rule;
import org.latentmap.train.Adam;
import org.latentmap.train.Losses;
import org.latentmap.train.Progress;
import org.latentmap.train.ProgressLine;
import org.latentmap.zoo.TrainedModel;
import org.latentmap.zoo.ZooStore;

/**
 * Optimisation-based inversion of a generator (paper Sect. 7, Fig. 12, their "gradient ascent"): for each
 * image, the code that makes the model draw it, found by Adam on the code from the mean code of the model's
 * prior (for StyleGAN, the mean w), minimising the image's mean squared error. The model itself is frozen
 * meanwhile. An image the generator can draw is recovered almost exactly; one outside its range is not.
 */
public final class Inversion {
    /** Codes averaged for the start. */
    private static final int PRIOR_SAMPLES = 1024;

    private static final int CHUNK = 256;

    private static final Rule RULE = Rule.named("inversion v2");

    private final Adversarial model;
    private final TrainedModel stored;
    private final int steps;
    private final double learningRate;
    private final Progress progress;

    private Inversion(Adversarial model, TrainedModel stored, int steps, double learningRate, Progress progress) {
        if (steps < 1 || !(learningRate > 0)) {
            throw new IllegalArgumentException(
                    "an inversion needs steps >= 1 and a learning rate > 0; got " + steps + " and " + learningRate);
        }
        this.model = model;
        this.stored = stored;
        this.steps = steps;
        this.learningRate = learningRate;
        this.progress = progress;
    }

    /** 300 Adam steps at 0.05 from the mean code, its progress as a line on standard output. */
    public static Inversion of(Adversarial model) {
        return new Inversion(model, null, 300, 0.05, ProgressLine.toStandardOutput());
    }

    /**
     * The same for a zoo model (its model an {@link Adversarial}): what an inversion finds is stored beside
     * its checkpoint ({@link ZooStore}) and read back when the same images are inverted with the same settings.
     */
    public static Inversion of(TrainedModel model) {
        if (!(model.model() instanceof Adversarial adversarial)) {
            throw new IllegalArgumentException(
                    model.name() + " is a " + model.family().displayName()
                            + ": inversion optimises the code of a generator (a GAN or StyleGAN)");
        }
        return new Inversion(adversarial, model, 300, 0.05, ProgressLine.toStandardOutput());
    }

    public Inversion steps(int count) {
        return new Inversion(model, stored, count, learningRate, progress);
    }

    public Inversion learningRate(double rate) {
        return new Inversion(model, stored, steps, rate, progress);
    }

    /** Told of every step ({@link Progress#SILENT} says nothing). */
    public Inversion progress(Progress to) {
        return new Inversion(model, stored, steps, learningRate, to);
    }

    public int steps() {
        return steps;
    }

    /** The codes found for {@code images} and each image's error before and after (read when stored). */
    public Result invert(ImageSet images) {
        if (images.size() == 0) {
            throw new IllegalArgumentException("no images to invert");
        }
        if (stored == null) {
            return optimise(images);
        }
        String recipe = "Adam " + Double.toHexString(learningRate) + " for " + steps + " steps from the mean of "
                + PRIOR_SAMPLES + " prior codes, chunks of " + CHUNK;
        PackedValues.Reader values = ZooStore.standard().packed(stored, images, RULE, recipe, () -> {
            Result found = optimise(images);
            int length = images.imageLength();
            float[] drawn = new float[images.size() * length];
            for (int i = 0; i < images.size(); i++) {
                System.arraycopy(found.images().image(i), 0, drawn, i * length, length);
            }
            return new PackedValues()
                    .add(found.codes())
                    .addRows(drawn, length)
                    .add(found.startError())
                    .add(found.error());
        });
        CodeMatrix codes = values.codes();
        float[] pixels = values.rowValues(images.imageLength());
        double[] before = values.doubles();
        double[] after = values.doubles();
        values.end();
        return new Result(
                codes,
                new ImageSet(pixels, images.size(), images.channels(), images.height(), images.width(), null, null),
                before,
                after);
    }

    private Result optimise(ImageSet images) {
        int size = model.latentSize();
        float[] codes = new float[images.size() * size];
        double[] before = new double[images.size()];
        double[] after = new double[images.size()];
        float[] drawn = new float[images.size() * images.imageLength()];
        // the model's own parameters are left alone: no gradients for them while the codes move
        List<Parameter> frozen = model.networks().stream()
                .flatMap(n -> n.trainableParameters().stream())
                .toList();
        requireGradients(frozen, false);
        int chunks = (images.size() + CHUNK - 1) / CHUNK;
        long total = (long) chunks * steps;
        long done = 0;
        Throwable failure = null;
        progress.start("inverting " + images.size() + " images", 0, total);
        try (NDManager manager = NDManager.newBaseManager()) {
            GradMode.offForThisThread();
            NDArray mean = model.samplePrior(manager, PRIOR_SAMPLES).mean(new int[] {0}, true);
            for (int from = 0; from < images.size(); from += CHUNK) {
                int to = Math.min(images.size(), from + CHUNK);
                try (NDManager chunk = manager.newSubManager()) {
                    NDArray target = images.toNDArray(chunk, from, to);
                    NDArray start = mean.repeat(0, to - from);
                    start.attach(chunk);
                    Parameter code = Parameter.builder()
                            .setName("code")
                            .setType(Parameter.Type.OTHER)
                            .optArray(start)
                            .build();
                    code.getArray().setRequiresGradient(true);
                    System.arraycopy(errors(target, code.getArray()), 0, before, from, to - from);
                    Adam adam = new Adam(List.of(code), learningRate, 0.9, 0.999);
                    for (int step = 0; step < steps; step++) {
                        // each step's activations are freed at its end, not with the chunk (300 steps of them fill
                        // memory)
                        try (NDScope ignored = new NDScope();
                                var collector = Engine.getInstance().newGradientCollector()) {
                            collector.backward(model.decode(code.getArray())
                                    .sub(target)
                                    .square()
                                    .mean());
                        }
                        adam.step();
                        progress.update(++done, total, Double.NaN);
                    }
                    System.arraycopy(errors(target, code.getArray()), 0, after, from, to - from);
                    float[] pixels =
                            model.decode(code.getArray().stopGradient()).toFloatArray();
                    System.arraycopy(pixels, 0, drawn, from * images.imageLength(), pixels.length);
                    float[] flat = code.getArray().stopGradient().toFloatArray();
                    System.arraycopy(flat, 0, codes, from * size, flat.length);
                }
            }
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            requireGradients(frozen, true);
            progress.end(done, total, failure);
        }
        return new Result(
                CodeMatrix.of(codes, size),
                new ImageSet(drawn, images.size(), images.channels(), images.height(), images.width(), null, null),
                before,
                after);
    }

    private double[] errors(NDArray target, NDArray code) {
        float[] perImage = Losses.meanSquaredErrorPerImage(model.decode(code.stopGradient()), target)
                .toFloatArray();
        double[] out = new double[perImage.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = perImage[i];
        }
        return out;
    }

    private static void requireGradients(List<Parameter> parameters, boolean required) {
        for (Parameter p : parameters) {
            p.getArray().setRequiresGradient(required);
        }
    }

    /**
     * Codes found, one per image; the images the model draws from them; each image's mean squared error from
     * the start code and from the code found.
     */
    public record Result(CodeMatrix codes, ImageSet images, double[] startError, double[] error) {
        public double meanError() {
            return Stats.mean(error);
        }

        public double meanStartError() {
            return Stats.mean(startError);
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "inversion of %d images: image MSE %.4f (from %.4f at the mean code)",
                    codes.size(),
                    meanError(),
                    meanStartError());
        }
    }
}
