package org.latentmap.studies;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.latentmap.ResultFile;
import org.latentmap.data.ImageSet;
import org.latentmap.engine.GradMode;
import org.latentmap.metrics.Baselines;
import org.latentmap.metrics.Stats;
import org.latentmap.zoo.TrainedModel;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Zhang et al.'s claim (The emergence of reproducibility and consistency in diffusion models, arXiv 2310.05264):
 * diffusion models trained apart, given the same noise and a deterministic sampler, draw nearly the same image. Here:
 * the same {@code count} noises, drawn from a seed, decoded by two models; the pixel MSE between the two drawings of
 * each noise, against two yardsticks on the same drawings: drawings of different noises (each drawing of the first
 * model against the second model's drawing of another noise) and each first drawing's nearest training image.
 */
public final class SameNoise {
    /** Notebook 08b's {@link #table()}. */
    public static final ResultFile FILE = new ResultFile("same-noise.csv", "notebook 08b");
    /** Columns of {@link #table()}. */
    public static final String PAIRS = "pairs", MSE = "pixel MSE";
    /** Rows of {@link #table()}. */
    public static final String SAME = "same noise", DIFFERENT = "different noises", NEAREST = "nearest training image";

    private final TrainedModel first;
    private final TrainedModel second;
    private final ImageSet firstDrawings;
    private final ImageSet secondDrawings;
    private final double[] same;
    private final double[] different;
    private final double[] nearest;

    private SameNoise(
            TrainedModel first,
            TrainedModel second,
            ImageSet firstDrawings,
            ImageSet secondDrawings,
            double[] same,
            double[] different,
            double[] nearest) {
        this.first = first;
        this.second = second;
        this.firstDrawings = firstDrawings;
        this.secondDrawings = secondDrawings;
        this.same = same;
        this.different = different;
        this.nearest = nearest;
    }

    /** {@code count} noises from {@code seed}, drawn by both models; nearest images among {@code train}. */
    public static SameNoise of(TrainedModel first, TrainedModel second, ImageSet train, int count, long seed) {
        if (first.model().latentSize() != second.model().latentSize()) {
            throw new IllegalArgumentException("the same noise needs latent spaces of one size; " + first.name()
                    + " has " + first.model().latentSize() + " variables, " + second.name() + " "
                    + second.model().latentSize());
        }
        if (count < 2) {
            throw new IllegalArgumentException("comparing with different noises needs at least 2 noises; got " + count);
        }
        GradMode.offForThisThread();
        int latent = first.model().latentSize();
        Random random = new Random(seed);
        float[] noise = new float[count * latent];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) random.nextGaussian();
        }
        ImageSet a;
        ImageSet b;
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray codes = manager.create(noise, new Shape(count, latent));
            a = ImageSet.of(first.model().decode(codes));
            b = ImageSet.of(second.model().decode(codes));
        }
        double[] same = new double[count];
        double[] different = new double[count];
        for (int i = 0; i < count; i++) {
            same[i] = mse(a.image(i), b.image(i));
            different[i] = mse(a.image(i), b.image((i + 1 + random.nextInt(count - 1)) % count));
        }
        return new SameNoise(first, second, a, b, same, different, Baselines.nearestTrainingErrors(train, a));
    }

    private static double mse(float[] x, float[] y) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - y[i];
            sum += d * d;
        }
        return sum / x.length;
    }

    /** The first model's drawings. */
    public ImageSet firstDrawings() {
        return firstDrawings;
    }

    /** The second model's drawings of the same noises. */
    public ImageSet secondDrawings() {
        return secondDrawings;
    }

    /** Mean pixel MSE between the two drawings of the same noise. */
    public double sameNoise() {
        return Stats.mean(same);
    }

    /** Mean pixel MSE between drawings of different noises. */
    public double differentNoises() {
        return Stats.mean(different);
    }

    /** Mean pixel MSE of each first drawing from its nearest training image. */
    public double nearestTraining() {
        return Stats.mean(nearest);
    }

    /** The three means, with their standard deviations over the drawings. */
    public Table table() {
        StringColumn what = StringColumn.create(PAIRS);
        DoubleColumn mean = DoubleColumn.create(MSE);
        DoubleColumn sd = DoubleColumn.create("sd");
        for (var row : new Object[][] {{SAME, same}, {DIFFERENT, different}, {NEAREST, nearest}}) {
            what.append((String) row[0]);
            mean.append(Stats.significant(Stats.mean((double[]) row[1]), 4));
            sd.append(Stats.significant(Stats.sd((double[]) row[1]), 3));
        }
        return Table.create(first.name() + " and " + second.name() + " from the same noise", what, mean, sd);
    }
}
