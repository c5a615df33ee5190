package org.latentmap.support;

import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.latentmap.ResultFile;
import org.latentmap.data.ImageSet;
import org.latentmap.linalg.SquaredError;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The paper's check that a support set is spread out (Sect. 5): the mean squared error per pixel between
 * two images, averaged over all pairs of a set, against the same average over random pairs of the data
 * (0.183 against 0.116 on CelebA in the paper).
 */
public final class PairwiseError {
    private PairwiseError() {}

    /** Mean over all pairs i < j of the set of mean((x_i - x_j)^2). */
    public static double withinSet(ImageSet images) {
        if (images.size() < 2) {
            throw new IllegalArgumentException("pairwise errors need at least two images, got " + images.size());
        }
        List<float[]> all =
                IntStream.range(0, images.size()).mapToObj(images::image).toList();
        double sum = 0;
        long pairs = 0;
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                sum += mse(all.get(i), all.get(j));
                pairs++;
            }
        }
        return sum / pairs;
    }

    /** Mean over {@code count} random pairs of distinct images drawn with {@code seed}. */
    public static double randomPairs(ImageSet images, int count, long seed) {
        if (images.size() < 2 || count < 1) {
            throw new IllegalArgumentException("random pairs need at least two images and a count >= 1, got "
                    + images.size() + " images and count " + count);
        }
        Random random = new Random(seed);
        double sum = 0;
        for (int k = 0; k < count; k++) {
            int i = random.nextInt(images.size());
            int j = random.nextInt(images.size() - 1);
            if (j >= i) {
                j++;
            }
            sum += mse(images.image(i), images.image(j));
        }
        return sum / count;
    }

    /** The paper's CelebA figures: mean image MSE within its support set, and between random images. */
    public static final double PAPER_SUPPORT_SET = 0.183;

    public static final double PAPER_RANDOM_PAIRS = 0.116;

    /** Notebook 03's {@link #comparison}: the support set first, random pairs of the data last. */
    public static final ResultFile SPREAD_FILE = new ResultFile("support-set-spread.csv", "notebook 03");
    /** {@link #comparison}'s column of mean pairwise errors. */
    public static final String MEAN_IMAGE_MSE = "mean image MSE";

    /**
     * The paper's check as a table: the mean pairwise image MSE within the support set, within a random set
     * of the same size (drawn with {@code seed}), and over {@code randomPairs} random pairs of the data,
     * beside the paper's CelebA numbers.
     */
    public static Table comparison(ImageSet data, SupportSet support, int randomPairs, long seed) {
        ImageSet chosen = support.images(data);
        int[] random = new Random(new SplittableRandom(seed).nextLong())
                .ints(0, data.size())
                .distinct()
                .limit(Math.min(support.size(), data.size()))
                .toArray();
        ImageSet randomSet = data.select(random);
        StringColumn set = StringColumn.create("images");
        IntColumn pairs = IntColumn.create("pairs");
        DoubleColumn mse = DoubleColumn.create(MEAN_IMAGE_MSE);
        DoubleColumn paper = DoubleColumn.create("paper (CelebA)");
        set.append("support set (" + support.size() + ")");
        pairs.append(support.size() * (support.size() - 1) / 2);
        mse.append(round(withinSet(chosen)));
        paper.append(PAPER_SUPPORT_SET);
        set.append("random set of the same size");
        pairs.append(randomSet.size() * (randomSet.size() - 1) / 2);
        mse.append(round(withinSet(randomSet)));
        paper.appendMissing();
        set.append("random pairs of the data");
        pairs.append(randomPairs);
        mse.append(round(randomPairs(data, randomPairs, seed)));
        paper.append(PAPER_RANDOM_PAIRS);
        return Table.create("Mean squared error between two images (pixels in [0, 1])", set, pairs, mse, paper);
    }

    private static double round(double value) {
        return Math.round(value * 1e4) / 1e4;
    }

    static double mse(float[] a, float[] b) {
        return SquaredError.mean(a, b);
    }
}
