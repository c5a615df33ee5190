package org.latentmap.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import org.latentmap.linalg.SquaredError;

/**
 * The stand-in for CelebA-HQ in the StyleGAN study (paper Sect. 7). CelebA-HQ is a curated, high-quality
 * selection of CelebA, and the paper finds StyleGAN trained on it unable to draw the eccentric faces of the
 * CelebA support set. The analogue here keeps, within each class, the images closest to their class's mean
 * image (mean squared pixel difference): the most standard garments, a fixed fraction of every class, so that
 * classes keep their shares while oddities (unusual shapes, prints, poses) are left out. Unlabelled data are
 * scored against the mean of all images.
 */
public final class TypicalSubset {
    private final double[] scores;
    private final double[] percentiles;
    private final int[] kept;
    private final double fraction;
    private final Long randomSeed;
    private final boolean byClass;

    private TypicalSubset(
            double[] scores, double[] percentiles, int[] kept, double fraction, Long randomSeed, boolean byClass) {
        this.byClass = byClass;
        this.scores = scores;
        this.percentiles = percentiles;
        this.kept = kept;
        this.fraction = fraction;
        this.randomSeed = randomSeed;
    }

    /** Keeps the {@code fraction} of each class (rounded up) closest to the class's mean image. */
    public static TypicalSubset of(ImageSet data, double fraction) {
        return build(data, fraction, null);
    }

    /**
     * The control for the curated subset: the same number of images of each class, drawn at random with
     * {@code seed} instead of by typicality, so that a model trained on it differs from one trained on the
     * typical subset only in the curation (scores and percentiles are still the images' atypicality).
     */
    public static TypicalSubset randomControl(ImageSet data, double fraction, long seed) {
        return build(data, fraction, seed);
    }

    private static TypicalSubset build(ImageSet data, double fraction, Long seed) {
        Random random = seed == null ? null : new Random(new SplittableRandom(seed).nextLong());
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException(
                    "the typical subset keeps a fraction in (0, 1] of each class, got " + fraction);
        }
        if (data.size() == 0) {
            throw new IllegalArgumentException("no images to choose a typical subset from");
        }
        Map<Integer, List<Integer>> classes = new LinkedHashMap<>();
        for (int i = 0; i < data.size(); i++) {
            classes.computeIfAbsent(data.hasLabels() ? data.label(i) : 0, k -> new ArrayList<>())
                    .add(i);
        }
        double[] scores = new double[data.size()];
        double[] percentiles = new double[data.size()];
        List<Integer> kept = new ArrayList<>();
        for (List<Integer> members : classes.values()) {
            double[] mean = data.hasLabels() ? data.classMeans()[data.label(members.get(0))] : data.meanImage();
            for (int i : members) {
                scores[i] = SquaredError.mean(data.image(i), mean);
            }
            Integer[] order = members.toArray(Integer[]::new);
            Arrays.sort(
                    order,
                    (a, b) -> a.equals(b)
                            ? 0
                            : scores[a] != scores[b] ? Double.compare(scores[a], scores[b]) : Integer.compare(a, b));
            int keep = (int) Math.ceil(fraction * order.length - 1e-9);
            for (int rank = 0; rank < order.length; rank++) {
                percentiles[order[rank]] = order.length == 1 ? 0 : 100.0 * rank / (order.length - 1);
                if (random == null && rank < keep) {
                    kept.add(order[rank]);
                }
            }
            if (random != null) {
                List<Integer> shuffled = new ArrayList<>(members);
                Collections.shuffle(shuffled, random);
                kept.addAll(shuffled.subList(0, keep));
            }
        }
        int[] indices = kept.stream().mapToInt(Integer::intValue).sorted().toArray();
        return new TypicalSubset(scores, percentiles, indices, fraction, seed, data.hasLabels());
    }

    /** Whether the images were kept at random (the control), not by typicality. */
    public boolean isRandomControl() {
        return randomSeed != null;
    }

    /** The kept images' indices into the data, ascending. */
    public int[] indices() {
        return kept.clone();
    }

    public int size() {
        return kept.length;
    }

    /** The kept images themselves. */
    public ImageSet images(ImageSet data) {
        return data.select(kept);
    }

    /** Whether image {@code index} of the data was kept. */
    public boolean contains(int index) {
        return Arrays.binarySearch(kept, index) >= 0;
    }

    /** Image {@code index}'s mean squared difference from its class's mean image: its atypicality. */
    public double score(int index) {
        return scores[index];
    }

    /** Where image {@code index} ranks in its class by atypicality: 0 the most typical, 100 the least. */
    public double percentile(int index) {
        return percentiles[index];
    }

    /**
     * The {@code count} most typical images ({@code typical}) or least typical ones, ranked by percentile in
     * their class, then by score: what the subset is made of, and what it leaves out.
     */
    public int[] extremes(int count, boolean typical) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Comparator<Integer> byRank = Comparator.comparingDouble((Integer i) -> percentiles[i])
                .thenComparingDouble(i -> scores[i])
                .thenComparingInt(i -> i);
        Arrays.sort(order, typical ? byRank : byRank.reversed());
        return Arrays.stream(order).limit(count).mapToInt(Integer::intValue).toArray();
    }

    /** How many of {@code indices} (say, a support set's) were kept. */
    public int countKept(int[] indices) {
        return (int) Arrays.stream(indices).filter(this::contains).count();
    }

    @Override
    public String toString() {
        if (randomSeed != null) {
            return String.format(
                    Locale.ROOT,
                    "random control: a random %.0f%% of %s (seed %d), %,d of %,d images",
                    100 * fraction,
                    byClass ? "each class" : "the images",
                    randomSeed,
                    kept.length,
                    scores.length);
        }
        return String.format(
                Locale.ROOT,
                "typical subset: the %.0f%% of %s, %,d of %,d images",
                100 * fraction,
                byClass ? "each class closest to its mean image" : "the images closest to their mean image",
                kept.length,
                scores.length);
    }
}
