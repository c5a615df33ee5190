package org.latentmap.bench;

import org.latentmap.Profile;
import org.latentmap.data.FashionMnist;
import org.latentmap.data.ImageSet;
import org.latentmap.features.Codes;
import org.latentmap.features.SupportSets;
import org.latentmap.model.ModelFamily;
import org.latentmap.model.ModelZoo;
import org.latentmap.model.TrainedModel;
import org.latentmap.model.TrainingData;
import org.latentmap.metrics.Stats;
import org.latentmap.relocation.LatentError;
import org.latentmap.relocation.LinearMap;
import org.latentmap.relocation.MapFit;

import java.util.List;
import java.util.Locale;

/**
 * Closed-form least squares against the authors' dense-layer fit (paper Sect. 6) and the validated ridge fit on
 * the same codes: the time each fit takes and the L-MSE of its map on test codes, for a Type 1 pair and both
 * directions of a Type 2 pair of the full profile's zoo (loaded from the cache, or trained), fitted on the
 * support set and on all training codes. One run; prints each fit's time over least squares' in this run.
 */
public final class MapFitBenchmark {
    private MapFitBenchmark() {
    }

    public static void main(String[] args) {
        ImageSet train = TrainingData.fashionMnist(Profile.FULL);
        ImageSet test = FashionMnist.test().head(2000);
        ModelZoo zoo = ModelZoo.standard();
        var support = SupportSets.shipped(SupportSets.FASHION_MNIST);
        List<TrainedModel[]> pairs = List.of(
                new TrainedModel[] {model(zoo, ModelFamily.VAE, 1, train), model(zoo, ModelFamily.VAE, 2, train)},
                new TrainedModel[] {model(zoo, ModelFamily.VAE, 1, train), model(zoo, ModelFamily.SPLIT_VAE, 1, train)},
                new TrainedModel[] {model(zoo, ModelFamily.SPLIT_VAE, 1, train), model(zoo, ModelFamily.VAE, 1, train)});
        List<MapFit> fits = List.of(MapFit.leastSquares(), MapFit.validatedRidge(), MapFit.denseLayer());
        System.out.printf(Locale.ROOT, "%-26s %-18s %-48s %10s %10s%n", "pair", "fitted on", "fit", "seconds", "L-MSE");
        for (TrainedModel[] pair : pairs) {
            float[][] sourceTest = Codes.of(pair[0].model(), test);
            float[][] targetTest = Codes.of(pair[1].model(), test);
            float[][] sourceAll = Codes.of(pair[0].model(), train);
            float[][] targetAll = Codes.of(pair[1].model(), train);
            for (String points : List.of("support set", "all data")) {
                float[][] x = points.equals("all data") ? sourceAll : select(sourceAll, support.indices());
                float[][] y = points.equals("all data") ? targetAll : select(targetAll, support.indices());
                double leastSquaresSeconds = 0;
                for (MapFit fit : fits) {
                    fit.fit(x, y); // warm-up: the JIT compiles the loops
                    long started = System.nanoTime();
                    LinearMap map = fit.fit(x, y);
                    double seconds = (System.nanoTime() - started) / 1e9;
                    leastSquaresSeconds = fit == fits.get(0) ? seconds : leastSquaresSeconds;
                    System.out.printf(Locale.ROOT, "%-26s %-18s %-48s %10.3f %10.4f  %6.1fx least squares' time%n",
                            pair[0].name() + " -> " + pair[1].name(), points + " (" + x.length + ")", fit.name(),
                            seconds, Stats.mean(LatentError.perCode(map.apply(sourceTest), targetTest)), seconds / leastSquaresSeconds);
                }
            }
        }
    }

    private static TrainedModel model(ModelZoo zoo, ModelFamily family, long seed, ImageSet train) {
        return zoo.get(family, seed, Profile.FULL, TrainingData.FASHION_MNIST, train);
    }

    private static float[][] select(float[][] codes, int[] indices) {
        float[][] out = new float[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            out[i] = codes[indices[i]];
        }
        return out;
    }
}
