package org.latentmap.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.latentmap.Profile;
import org.latentmap.bench.handwritten.HandWrittenFits;
import org.latentmap.data.FashionMnist;
import org.latentmap.data.ImageSet;
import org.latentmap.engine.Allotment;
import org.latentmap.features.Codes;
import org.latentmap.linalg.CodeMatrix;
import org.latentmap.linalg.RidgeValidation;
import org.latentmap.metrics.Stats;
import org.latentmap.relocation.LatentError;
import org.latentmap.relocation.LinearMap;
import org.latentmap.relocation.MapFit;
import org.latentmap.support.SupportSets;
import org.latentmap.zoo.ModelFamily;
import org.latentmap.zoo.ModelZoo;
import org.latentmap.zoo.TrainedModel;
import org.latentmap.zoo.TrainingData;

/**
 * The map fits (paper Sect. 6) on the same codes, three ways of looking: (1) each fit's time and the L-MSE of
 * its map on test codes, for a Type 1 pair and both directions of a Type 2 pair of the full profile's zoo
 * (loaded from the cache, or trained), fitted on the support set and on all training codes; (2) the
 * library's EJML and engine fits against the hand-written numerics they replaced ({@code handwritten}):
 * the time ratio new / old and the largest weight difference relative to the largest weight, which must stay
 * below 1e-5. One run; ratios are against references measured in the same run.
 */
public final class MapFitBenchmark {
    private MapFitBenchmark() {}

    public static void main(String[] args) {
        Allotment.prepareProcess(); // before the engine loads: timed as the walkthrough runs
        ImageSet train = TrainingData.fashionMnist(Profile.FULL);
        ImageSet test = FashionMnist.test().head(2000);
        ModelZoo zoo = ModelZoo.standard();
        var support = SupportSets.shipped(SupportSets.FASHION_MNIST);
        List<TrainedModel[]> pairs = List.of(
                new TrainedModel[] {model(zoo, ModelFamily.VAE, 1, train), model(zoo, ModelFamily.VAE, 2, train)},
                new TrainedModel[] {model(zoo, ModelFamily.VAE, 1, train), model(zoo, ModelFamily.SPLIT_VAE, 1, train)},
                new TrainedModel[] {model(zoo, ModelFamily.SPLIT_VAE, 1, train), model(zoo, ModelFamily.VAE, 1, train)
                });
        List<MapFit> fits = List.of(MapFit.leastSquares(), MapFit.validatedRidge(), MapFit.denseLayer());
        System.out.printf(Locale.ROOT, "%-26s %-18s %-48s %10s %10s%n", "pair", "fitted on", "fit", "seconds", "L-MSE");
        List<String> comparisons = new ArrayList<>();
        for (TrainedModel[] pair : pairs) {
            CodeMatrix sourceTest = Codes.of(pair[0], test);
            CodeMatrix targetTest = Codes.of(pair[1], test);
            CodeMatrix sourceAll = Codes.of(pair[0], train);
            CodeMatrix targetAll = Codes.of(pair[1], train);
            for (String points : List.of("support set", "all data")) {
                CodeMatrix x = points.equals("all data") ? sourceAll : sourceAll.rows(support.indices());
                CodeMatrix y = points.equals("all data") ? targetAll : targetAll.rows(support.indices());
                String label = pair[0].name() + " -> " + pair[1].name();
                String on = points + " (" + x.size() + ")";
                double leastSquaresSeconds = 0;
                for (MapFit fit : fits) {
                    fit.fit(x, y); // warm-up: the JIT compiles the loops
                    long started = System.nanoTime();
                    LinearMap map = fit.fit(x, y);
                    double seconds = (System.nanoTime() - started) / 1e9;
                    leastSquaresSeconds = fit == fits.get(0) ? seconds : leastSquaresSeconds;
                    System.out.printf(
                            Locale.ROOT,
                            "%-26s %-18s %-48s %10.3f %10.4f  %6.1fx least squares' time%n",
                            label,
                            on,
                            fit.name(),
                            seconds,
                            Stats.mean(LatentError.perCode(map.apply(sourceTest), targetTest)),
                            seconds / leastSquaresSeconds);
                }
                comparisons.addAll(againstHandWritten(label, on, x, y));
            }
        }
        System.out.println();
        System.out.println("The library's fits (EJML, engine products) against the hand-written ones they replaced:");
        System.out.printf(
                Locale.ROOT,
                "%-26s %-18s %-28s %10s %10s %8s %12s%n",
                "pair",
                "fitted on",
                "fit",
                "old s",
                "new s",
                "new/old",
                "max rel diff");
        comparisons.forEach(System.out::println);
    }

    /** Least squares, ridge at the validated penalty, the penalty's validation, Procrustes: old against new. */
    private static List<String> againstHandWritten(String pair, String on, CodeMatrix x, CodeMatrix y) {
        List<String> rows = new ArrayList<>();
        RidgeValidation validation = RidgeValidation.of(x, y);
        double lambda = validation.bestLambda();
        double[] factors = validation.factors();
        // the hand-written fits take codes as rows, as they were written
        float[][] xRows = x.toRows();
        float[][] yRows = y.toRows();
        if (x.size() >= x.width()) {
            rows.add(compare(
                    pair,
                    on,
                    "least squares",
                    () -> HandWrittenFits.closedForm(xRows, yRows, false, 0),
                    () -> MapFit.leastSquares().fit(x, y).weights()));
        }
        rows.add(compare(
                pair,
                on,
                String.format(Locale.ROOT, "ridge %.3g", lambda),
                () -> HandWrittenFits.closedForm(xRows, yRows, false, lambda),
                () -> MapFit.ridge(lambda).fit(x, y).weights()));
        rows.add(compare(
                pair,
                on,
                "ridge validation (penalty)",
                () -> new double[][] {{HandWrittenFits.validatedLambda(xRows, yRows, factors)}},
                () -> new double[][] {{RidgeValidation.of(x, y).bestLambda()}}));
        rows.add(compare(
                pair,
                on,
                "Procrustes",
                () -> HandWrittenFits.procrustes(xRows, yRows),
                () -> withBias(MapFit.procrustes().fit(x, y))));
        return rows;
    }

    private static String compare(
            String pair, String on, String fit, Supplier<double[][]> old, Supplier<double[][]> now) {
        old.get();
        now.get(); // warm-up
        long started = System.nanoTime();
        double[][] before = old.get();
        double oldSeconds = (System.nanoTime() - started) / 1e9;
        started = System.nanoTime();
        double[][] after = now.get();
        double newSeconds = (System.nanoTime() - started) / 1e9;
        double largest = 0;
        double difference = 0;
        for (int i = 0; i < before.length; i++) {
            for (int j = 0; j < before[i].length; j++) {
                largest = Math.max(largest, Math.abs(before[i][j]));
                difference = Math.max(difference, Math.abs(before[i][j] - after[i][j]));
            }
        }
        return String.format(
                Locale.ROOT,
                "%-26s %-18s %-28s %10.3f %10.3f %8.3f %12.2e",
                pair,
                on,
                fit,
                oldSeconds,
                newSeconds,
                newSeconds / oldSeconds,
                difference / largest);
    }

    private static double[][] withBias(LinearMap map) {
        double[][] weights = map.weights();
        double[][] out = Arrays.copyOf(weights, weights.length + 1);
        out[weights.length] = map.bias();
        return out;
    }

    private static TrainedModel model(ModelZoo zoo, ModelFamily family, long seed, ImageSet train) {
        return zoo.get(family, seed, Profile.FULL, TrainingData.FASHION_MNIST, train);
    }
}
