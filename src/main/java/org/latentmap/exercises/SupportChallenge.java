package org.latentmap.exercises;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.latentmap.data.ImageSet;
import org.latentmap.metrics.Stats;
import org.latentmap.relocation.FitPoints;
import org.latentmap.relocation.MapFit;
import org.latentmap.relocation.Relocations;
import org.latentmap.support.SupportSet;
import org.latentmap.support.SupportStrategy;
import org.latentmap.train.Progress;
import org.latentmap.train.ProgressLine;
import org.latentmap.zoo.TrainedModel;

/**
 * Exercise "choose your own support set and beat random" (paper Sects. 5 and 6): a student's set of training
 * images fits the map from one model's space to another's (validated ridge, as in the walkthrough), and its
 * M-MSE on the test images is compared with that of random sets of the same size, averaged over seeds.
 * {@link #validate} scores a set on held-out training images, so ideas can be tried without the test images.
 */
public final class SupportChallenge {
    private final ImageSet train;
    private final TrainedModel source;
    private final TrainedModel target;
    private final int size;
    private final int randomSets;
    private final Relocations onTest;
    private final Relocations onValidation;
    private final int validationSize;
    private final int testSize;
    private double[] randomErrors;

    private SupportChallenge(
            ImageSet train, ImageSet test, TrainedModel source, TrainedModel target, int size, int randomSets) {
        this.train = train;
        this.source = source;
        this.target = target;
        this.size = size;
        this.randomSets = randomSets;
        this.onTest = Relocations.on(train, test);
        this.testSize = test.size();
        int[] held = SupportStrategy.random(train.size())
                .choose(Math.min(1000, train.size() / 2), 999)
                .indices();
        this.validationSize = held.length;
        this.onValidation = Relocations.on(train, train.select(held));
    }

    /**
     * The challenge for maps from {@code source} to {@code target}, sets of {@code size} images of
     * {@code train}, measured on {@code test} against five random sets.
     */
    public static SupportChallenge of(
            ImageSet train, ImageSet test, TrainedModel source, TrainedModel target, int size) {
        if (size < 2 || size > train.size()) {
            throw new IllegalArgumentException(
                    "a support set size in [2, " + train.size() + "] (the training images), got " + size);
        }
        return new SupportChallenge(train, test, source, target, size, 5);
    }

    /** How many images a set must hold. */
    public int size() {
        return size;
    }

    /** A random set of the right size: a starting point, and what the check compares against (seeds 1-5). */
    public int[] randomSet(long seed) {
        return SupportStrategy.random(train.size()).choose(size, seed).indices();
    }

    /**
     * M-MSE of the map fitted on {@code indices}, measured on held-out training images (1,000 of them, or half
     * the training set when smaller, always the same): for comparing ideas. A set that contains some of them
     * scores a little too well here; the check measures on the test images.
     */
    public double validate(int[] indices) {
        String problem = problem(indices);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return onValidation
                .relocate(source, target, MapFit.validatedRidge(), points(indices))
                .mMseMean();
    }

    /** M-MSE on the test images of the maps fitted on the random sets of seeds 1-5 (computed once). */
    public double[] randomErrors() {
        if (randomErrors == null) {
            Progress progress = ProgressLine.toStandardOutput("random set");
            progress.start("maps fitted on random sets of " + size, 0, randomSets);
            double[] errors = new double[randomSets];
            for (int s = 0; s < randomSets; s++) {
                errors[s] = testError(randomSet(s + 1));
                progress.update(s + 1, randomSets, Double.NaN);
            }
            progress.end(randomSets, randomSets, null);
            randomErrors = errors;
        }
        return randomErrors.clone();
    }

    /** Right when the map fitted on {@code indices} has a lower M-MSE on the test images than random sets on average. */
    public Verdict check(int[] indices) {
        String problem = problem(indices);
        if (problem != null) {
            return Verdict.notYet(problem);
        }
        double yours = testError(indices);
        double[] random = randomErrors();
        double mean = Stats.mean(random);
        double sd = Stats.sd(random);
        double change = 100 * (yours - mean) / mean;
        String numbers = String.format(
                Locale.ROOT,
                "your set's map has M-MSE %.5f on the %,d test images, random sets of %d have %.5f ± %.5f (%d seeds): %s%.1f%%.",
                yours,
                testSize,
                size,
                mean,
                sd,
                random.length,
                change < 0 ? "" : "+",
                change);
        if (yours < mean) {
            return Verdict.right(numbers + (yours < mean - sd ? " More than a standard deviation better." : ""));
        }
        return Verdict.notYet(
                numbers + " Try ideas with validate(indices), which measures on held-out training images: "
                        + "cover the data's variety, or compare many candidate sets.");
    }

    private double testError(int[] indices) {
        return onTest.relocate(source, target, MapFit.validatedRidge(), points(indices))
                .mMseMean();
    }

    private static FitPoints points(int[] indices) {
        return FitPoints.supportSet(SupportSet.of(indices));
    }

    /** What is wrong with a set, or null. */
    private String problem(int[] indices) {
        if (indices == null) {
            return "the set is still null: fill an int[] of " + size
                    + " training-image indices (challenge.randomSet(1) is one).";
        }
        if (indices.length != size) {
            return "use exactly " + size + " images, as the random sets do; yours has " + indices.length + ".";
        }
        List<Integer> outside = new ArrayList<>();
        for (int i : indices) {
            if (i < 0 || i >= train.size()) {
                outside.add(i);
            }
        }
        if (!outside.isEmpty()) {
            return "indices must lie in [0, " + train.size() + ") (the training images); these do not: "
                    + outside.subList(0, Math.min(5, outside.size())) + (outside.size() > 5 ? " ..." : "");
        }
        int distinct = (int) Arrays.stream(indices).distinct().count();
        if (distinct != indices.length) {
            return (indices.length - distinct) + " of your indices repeat an image: choose " + size
                    + " different images.";
        }
        return null;
    }

    /** How many held-out training images {@link #validate} measures on. */
    public int validationSize() {
        return validationSize;
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "support-set challenge: %s -> %s, sets of %d of %,d training images, M-MSE on %,d test images",
                source.name(),
                target.name(),
                size,
                train.size(),
                testSize);
    }
}
