package org.latentmap.metrics;

import static org.latentmap.engine.Tensors.scalar;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.latentmap.ResultFile;
import org.latentmap.data.ImageSet;
import org.latentmap.engine.GradMode;
import org.latentmap.linalg.SquaredError;
import org.latentmap.store.Rule;
import org.latentmap.support.PairwiseError;
import org.latentmap.zoo.ModelZoo;
import org.latentmap.zoo.ZooStore;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What trivial methods score on the same test images: the yardsticks every reconstruction or relocation
 * error is read against. Each draws, for a test image, some image that needs no model:
 * <ul>
 * <li><b>mean image</b>: the mean training image, the same for every test image;
 * <li><b>class mean</b>: the mean training image of the test image's own class (an oracle that knows the label);
 * <li><b>random pairs</b>: another test image picked at random ({@value #RANDOM_PAIRS} pairs, seed 1), the error
 * of a map that sends codes somewhere arbitrary;
 * <li><b>nearest training image</b>: the training image closest in pixel MSE, what a model that memorised the
 * training set would draw at best.
 * </ul>
 * All are mean squared errors per pixel, averaged over the test images. A model's error below the class
 * mean says it draws more than the garment's kind; below the nearest training image, more than a lookup.
 */
public record Baselines(
        int testImages, double meanImage, double classMean, double randomPairs, double nearestTraining) {
    /** Notebook 01's baselines, on its measured test images and on the 2,000 the relocation notebooks use. */
    public static final ResultFile FILE = new ResultFile("baselines.csv", "notebook 01");
    /** {@link #table()}'s columns: the baseline's name, its error and the test images it was measured on. */
    public static final String NAME = "baseline";

    public static final String MSE = "mse";
    public static final String TEST_IMAGES = "test_images";
    /** The baselines' names, {@link #table()}'s rows. */
    public static final String MEAN_IMAGE_ROW = "mean image";

    public static final String CLASS_MEAN_ROW = "class mean";
    public static final String RANDOM_PAIRS_ROW = "random pairs";
    public static final String NEAREST_TRAINING_ROW = "nearest training image";
    /** What {@link #strongestBeaten} says of an error no baseline is above. */
    public static final String NONE = "none";

    /** Random pairs drawn for that baseline. */
    public static final int RANDOM_PAIRS = 5000;

    private static final Rule RULE = Rule.named("baselines v1");
    private static final int BLOCK = 250;

    /** The baselines of {@code test} against {@code train}: computed once per pair of image sets and stored in the zoo's folder. */
    public static Baselines of(ImageSet train, ImageSet test) {
        Path folder = ModelZoo.standardFolder().resolve("baselines");
        double[] v = ZooStore.standard()
                .values(
                        folder,
                        test,
                        RULE,
                        "training images " + train.fingerprint(),
                        () -> computed(train, test).toArray());
        return new Baselines((int) v[0], v[1], v[2], v[3], v[4]);
    }

    /** The same, computed now. */
    public static Baselines computed(ImageSet train, ImageSet test) {
        requireSameShape(train, test);
        return new Baselines(
                test.size(),
                Stats.mean(meanImageErrors(train, test)),
                Stats.mean(classMeanErrors(train, test)),
                PairwiseError.randomPairs(test, RANDOM_PAIRS, 1),
                Stats.mean(nearestTrainingErrors(train, test)));
    }

    /** Each test image's error against the mean training image. */
    public static double[] meanImageErrors(ImageSet train, ImageSet test) {
        requireSameShape(train, test);
        double[] mean = train.meanImage();
        double[] errors = new double[test.size()];
        for (int i = 0; i < test.size(); i++) {
            errors[i] = mse(test.image(i), mean);
        }
        return errors;
    }

    /** Each test image's error against the mean training image of its class (NaN throughout when either set has no labels). */
    public static double[] classMeanErrors(ImageSet train, ImageSet test) {
        requireSameShape(train, test);
        double[] errors = new double[test.size()];
        if (!train.hasLabels() || !test.hasLabels()) {
            Arrays.fill(errors, Double.NaN);
            return errors;
        }
        double[][] means = train.classMeans();
        for (int i = 0; i < test.size(); i++) {
            int c = test.label(i);
            if (c >= means.length || means[c] == null) {
                throw new IllegalArgumentException(
                        "test image " + i + " is of class " + c + ", which no training image has");
            }
            errors[i] = mse(test.image(i), means[c]);
        }
        return errors;
    }

    /**
     * Each test image's error against its nearest training image in pixel MSE. Distances by the engine,
     * ||x||^2 + ||t||^2 - 2 x.t for blocks of test images against all training images; the nearest one's error
     * is then computed exactly.
     */
    public static double[] nearestTrainingErrors(ImageSet train, ImageSet test) {
        requireSameShape(train, test);
        GradMode.offForThisThread();
        double[] errors = new double[test.size()];
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray t = train.toNDArray(manager).reshape(train.size(), -1);
            NDArray tTransposed = t.transpose();
            NDArray tSquares = t.square().sum(new int[] {1});
            for (int from = 0; from < test.size(); from += BLOCK) {
                int to = Math.min(test.size(), from + BLOCK);
                try (NDManager block = manager.newSubManager()) {
                    // every product starts from the block's x, so its results belong to the block and go with it
                    NDArray x = test.toNDArray(block, from, to).reshape(to - from, -1);
                    NDArray distances =
                            x.matMul(tTransposed).muli(scalar(x, -2f)).addi(tSquares);
                    long[] nearest = distances.argMin(1).toLongArray();
                    for (int i = from; i < to; i++) {
                        errors[i] = mse(test.image(i), train.image((int) nearest[i - from]));
                    }
                }
            }
        }
        return errors;
    }

    /** The strongest of these baselines that {@code error} beats (is below), or "none". */
    public String strongestBeaten(double error) {
        if (error < nearestTraining) {
            return NEAREST_TRAINING_ROW;
        }
        if (hasClassMean() && error < classMean) {
            return CLASS_MEAN_ROW;
        }
        if (error < meanImage) {
            return MEAN_IMAGE_ROW;
        }
        if (error < randomPairs) {
            return RANDOM_PAIRS_ROW;
        }
        return NONE;
    }

    /** One row per baseline: {@code baseline, mse, test_images}. */
    public Table table() {
        StringColumn name = StringColumn.create(NAME);
        DoubleColumn mse = DoubleColumn.create(MSE);
        IntColumn images = IntColumn.create(TEST_IMAGES);
        List<String> names = names();
        double[] values = {meanImage, classMean, randomPairs, nearestTraining};
        for (int i = 0; i < values.length; i++) {
            name.append(names.get(i));
            mse.append(values[i]);
            images.append(testImages);
        }
        return Table.create("What trivial methods score on the same " + testImages + " test images", name, mse, images);
    }

    /** Several sets of baselines (say, on two sets of test images) as one table of {@link #table()}'s columns. */
    public static Table table(Baselines... sets) {
        Table all = sets[0].table();
        for (int i = 1; i < sets.length; i++) {
            all = all.append(sets[i].table());
        }
        return all.setName("What trivial methods score on the test images");
    }

    /** The baselines' names, in {@link #table()}'s order. */
    public static List<String> names() {
        return List.of(MEAN_IMAGE_ROW, CLASS_MEAN_ROW, RANDOM_PAIRS_ROW, NEAREST_TRAINING_ROW);
    }

    /** Whether the class mean applies: both image sets have labels. */
    public boolean hasClassMean() {
        return !Double.isNaN(classMean);
    }

    /**
     * Whether the nearest training image applies: not when every image measured is itself a training image (its
     * own nearest, at error 0), where the baseline says nothing about the images.
     */
    public boolean hasNearestTraining() {
        return nearestTraining > 0;
    }

    /** One line, each baseline with its value, or why it does not apply to these images. */
    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "baselines on %d images: mean image %.4f, class mean %s, random pairs %.4f, nearest training image %s",
                testImages,
                meanImage,
                hasClassMean() ? String.format(Locale.ROOT, "%.4f", classMean) : "none (the images have no labels)",
                randomPairs,
                hasNearestTraining()
                        ? String.format(Locale.ROOT, "%.4f", nearestTraining)
                        : "does not apply (the images are training images, each its own nearest)");
    }

    private double[] toArray() {
        return new double[] {testImages, meanImage, classMean, randomPairs, nearestTraining};
    }

    private static int[] labels(ImageSet images) {
        int[] labels = new int[images.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = images.label(i);
        }
        return labels;
    }

    private static void requireSameShape(ImageSet train, ImageSet test) {
        if (train.size() == 0 || test.size() == 0) {
            throw new IllegalArgumentException(
                    "baselines need training and test images; got " + train.size() + " and " + test.size());
        }
        if (train.channels() != test.channels() || train.height() != test.height() || train.width() != test.width()) {
            throw new IllegalArgumentException("training images of " + train.shape() + " and test images of "
                    + test.shape() + ": baselines compare images of one shape");
        }
    }

    private static double mse(float[] a, double[] b) {
        return SquaredError.mean(a, b);
    }

    private static double mse(float[] a, float[] b) {
        double[] wide = new double[b.length];
        for (int k = 0; k < b.length; k++) {
            wide[k] = b[k];
        }
        return mse(a, wide);
    }
}
