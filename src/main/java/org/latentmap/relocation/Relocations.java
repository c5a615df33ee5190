package org.latentmap.relocation;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.latentmap.data.ImageSet;
import org.latentmap.features.Codes;
import org.latentmap.linalg.CodeMatrix;
import org.latentmap.linalg.RidgeValidation;
import org.latentmap.train.Progress;
import org.latentmap.train.ProgressLine;
import org.latentmap.zoo.ReconstructionErrors;
import org.latentmap.zoo.TrainedModel;

/**
 * Runs relocations between the zoo's models (paper Sect. 6): takes the codes of the fitting images in both
 * models, fits a map, and measures L-MSE, R-MSE and M-MSE on the test images in batches. The codes of the
 * training and test images and the test images' reconstruction errors come from the {@link ZooStore}
 * (computed once per model, ever) and are kept in memory for these relocations; a support set's codes are
 * rows of the training codes. Fitted maps and the errors of decoding mapped codes are stored too
 * ({@link StoredRelocations}): a relocation asked for again, here or in a later run, is read.
 */
public final class Relocations {
    private final ImageSet train;
    private final ImageSet test;
    private final int batchSize;
    private final Map<TrainedModel, CodeMatrix> trainCodes = new IdentityHashMap<>();
    private final Map<TrainedModel, CodeMatrix> testCodes = new IdentityHashMap<>();
    private final Map<TrainedModel, double[]> testReconstruction = new IdentityHashMap<>();

    private Relocations(ImageSet train, ImageSet test, int batchSize) {
        this.train = train;
        this.test = test;
        this.batchSize = batchSize;
    }

    /** Fitting on {@code train}'s images, measuring on {@code test}'s in batches of 500. */
    public static Relocations on(ImageSet train, ImageSet test) {
        return new Relocations(train, test, Math.min(500, test.size()));
    }

    /** The same with batches of {@code size} test images for the mean ± sd. */
    public Relocations batches(int size) {
        if (size < 1 || size > test.size()) {
            throw new IllegalArgumentException(
                    "a batch size in [1, " + test.size() + "] (the test images), got " + size);
        }
        return new Relocations(train, test, size);
    }

    /** All the training images these relocations fit on, as fit points. */
    public FitPoints allTrainingData() {
        return FitPoints.allOf(train);
    }

    /** Fits a map from {@code source}'s space to {@code target}'s on {@code points} and measures it. */
    public Relocation relocate(TrainedModel source, TrainedModel target, CodeMapFit fit, FitPoints points) {
        checkPoints(points);
        CodeMap map = StoredRelocations.map(
                source, target, train, points, fit, () -> fit.fit(fitCodes(source, points), fitCodes(target, points)));
        return measure(source, target, map, fit.name(), points.label());
    }

    /**
     * How a ridge map from {@code source}'s space to {@code target}'s, fitted on {@code points}, validates by
     * leaving one out, as {@link MapFit#validatedRidge()} chooses its penalty.
     */
    public RidgeValidation ridgeValidation(TrainedModel source, TrainedModel target, FitPoints points) {
        return RidgeValidation.leaveOneOut(fitCodes(source, points), fitCodes(target, points));
    }

    /** The same by {@value RidgeValidation#FOLDS}-fold validation, as {@link MapFit#kFoldRidge()} chooses. */
    public RidgeValidation kFoldRidgeValidation(TrainedModel source, TrainedModel target, FitPoints points) {
        return RidgeValidation.of(fitCodes(source, points), fitCodes(target, points));
    }

    /**
     * Type 1 of the paper: every ordered pair of distinct models among {@code models} (n (n - 1) relocations),
     * with a progress line.
     */
    public List<Relocation> allPairs(List<TrainedModel> models, CodeMapFit fit, FitPoints points) {
        List<TrainedModel[]> pairs = new ArrayList<>();
        for (TrainedModel source : models) {
            for (TrainedModel target : models) {
                if (source != target) {
                    pairs.add(new TrainedModel[] {source, target});
                }
            }
        }
        return run(pairs, fit, points);
    }

    /**
     * Types 2 and 3: each source model to the target model of the same seed (seed k to seed k), with a
     * progress line. Models without a partner are left out.
     */
    public List<Relocation> seedPairs(
            List<TrainedModel> sources, List<TrainedModel> targets, CodeMapFit fit, FitPoints points) {
        List<TrainedModel[]> pairs = new ArrayList<>();
        for (TrainedModel source : sources) {
            targets.stream()
                    .filter(t -> t.seed() == source.seed() && t != source)
                    .findFirst()
                    .ifPresent(target -> pairs.add(new TrainedModel[] {source, target}));
        }
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("no source and target share a seed: sources "
                    + sources.stream().map(TrainedModel::name).toList() + ", targets "
                    + targets.stream().map(TrainedModel::name).toList());
        }
        return run(pairs, fit, points);
    }

    private List<Relocation> run(List<TrainedModel[]> pairs, CodeMapFit fit, FitPoints points) {
        Progress progress = ProgressLine.toStandardOutput("relocation");
        boolean oneKind = pairs.stream()
                .allMatch(p -> p[0].family() == pairs.get(0)[0].family() && p[1].family() == pairs.get(0)[1].family());
        String kind = oneKind
                ? pairs.get(0)[0].family().displayName() + " -> "
                        + pairs.get(0)[1].family().displayName()
                : "pairs of models";
        String what = kind + ", " + fit.name() + " on " + points.label();
        progress.start(what, 0, pairs.size());
        List<Relocation> results = new ArrayList<>();
        for (TrainedModel[] pair : pairs) {
            results.add(relocate(pair[0], pair[1], fit, points));
            progress.update(results.size(), pairs.size(), Double.NaN);
        }
        progress.end(results.size(), pairs.size(), null);
        return results;
    }

    /** Measures a given map from {@code source}'s space to {@code target}'s on the test images. */
    public Relocation measure(TrainedModel source, TrainedModel target, CodeMap map, String fit, String fittedOn) {
        CodeMatrix sourceCodes = testCodes(source);
        CodeMatrix targetCodes = testCodes(target);
        CodeMatrix mapped = map.apply(sourceCodes);
        double[] mapped2 = StoredRelocations.decodingErrors(target, mapped, test);
        double[] latent = LatentError.perCode(mapped, targetCodes);
        return new Relocation(
                source,
                target,
                map,
                fit,
                fittedOn,
                batchMeans(latent),
                batchMeans(reconstruction(source)),
                batchMeans(mapped2),
                batchMeans(reconstruction(target)));
    }

    /** The test images' codes under a model (computed once). */
    public CodeMatrix testCodes(TrainedModel model) {
        return testCodes.computeIfAbsent(model, m -> Codes.of(m, test));
    }

    private CodeMatrix fitCodes(TrainedModel model, FitPoints points) {
        checkPoints(points);
        CodeMatrix all = trainCodes(model);
        return points.isAll() ? all : all.rows(points.indices());
    }

    private void checkPoints(FitPoints points) {
        if (points.isAll() && points.size() != train.size()) {
            throw new IllegalArgumentException("these points are all of another data set (" + points.size()
                    + " images); this relocation fits on " + train.size());
        }
        int[] indices = points.indices();
        for (int i : indices) {
            if (i < 0 || i >= train.size()) {
                throw new IllegalArgumentException("fitting point " + i + " is outside the " + train.size()
                        + " training images: was the support set made for another data set or profile?");
            }
        }
    }

    /** The training images' codes under a model (from the store, then kept). */
    private CodeMatrix trainCodes(TrainedModel model) {
        return trainCodes.computeIfAbsent(model, m -> Codes.of(m, train));
    }

    private double[] reconstruction(TrainedModel model) {
        return testReconstruction.computeIfAbsent(model, m -> ReconstructionErrors.of(m, test));
    }

    private double[] batchMeans(double[] perImage) {
        int batches = perImage.length / batchSize;
        double[] means = new double[Math.max(1, batches)];
        for (int b = 0; b < means.length; b++) {
            int from = b * batchSize;
            int to = batches == 0 ? perImage.length : from + batchSize;
            double sum = 0;
            for (int i = from; i < to; i++) {
                sum += perImage[i];
            }
            means[b] = sum / (to - from);
        }
        return means;
    }
}
