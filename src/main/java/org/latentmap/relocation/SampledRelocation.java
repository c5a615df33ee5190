package org.latentmap.relocation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.latentmap.ResultColumns;
import org.latentmap.ResultFile;
import org.latentmap.features.Codes;
import org.latentmap.linalg.CodeMatrix;
import org.latentmap.metrics.Stats;
import org.latentmap.model.LatentModel;
import org.latentmap.model.Sampling;
import org.latentmap.store.PackedValues;
import org.latentmap.store.Rule;
import org.latentmap.zoo.TrainedModel;
import org.latentmap.zoo.ZooStore;

/**
 * A relocation between a generator's space and another model's, fitted on the generator's own samples
 * rather than on data (paper Sect. 7): where the support set lies outside a generator's range (StyleGAN's),
 * its codes cannot be found, but fresh samples can be drawn without limit. A sample's code in the generator's
 * space is the prior code it was drawn from (for StyleGAN, w); its code in the other space is the other
 * model's encoding of the sample image. Measured on other fresh samples: the latent error of the mapped codes
 * and the image error between the target's decodings of its own code and of the mapped one, as the paper does.
 */
public record SampledRelocation(
        String source, String target, int fitSamples, LinearMap map, double[] latentErrors, double[] imageErrors) {
    private static final Rule RULE = Rule.named("sampled relocation v3");

    /**
     * Both directions between {@code generator}'s space and {@code other}'s: generator -> other, then
     * other -> generator; maps fitted on {@code fitSamples} samples by {@code fit}, measured on
     * {@code testSamples} others; the samples drawn from {@code seed}.
     */
    public static List<SampledRelocation> bothWays(
            LatentModel generator, LatentModel other, MapFit fit, int fitSamples, int testSamples, int seed) {
        return bothWays(generator, List.of(other), fit, fitSamples, testSamples, seed);
    }

    /**
     * {@link #bothWays(LatentModel, LatentModel, MapFit, int, int, int)} for each of {@code others} in turn (say,
     * five Split-VAE seeds), on the same samples of {@code generator}, drawn once: generator -> other,
     * other -> generator for the first, then for the second, and so on.
     */
    public static List<SampledRelocation> bothWays(
            LatentModel generator, List<LatentModel> others, MapFit fit, int fitSamples, int testSamples, int seed) {
        Draws draws = new Draws(generator, fitSamples, testSamples, seed);
        List<SampledRelocation> results = new ArrayList<>();
        for (LatentModel other : others) {
            results.addAll(draws.bothWays(other, fit));
        }
        return results;
    }

    /**
     * The same for zoo models: each other model's pair of relocations is stored beside the generator's
     * checkpoint ({@link ZooStore}), keyed by both checkpoints, the fit's recipe, the sample counts and the
     * seed, and read in a later run; the samples are drawn only when some pair is not stored.
     */
    public static List<SampledRelocation> bothWays(
            TrainedModel generator, List<TrainedModel> others, MapFit fit, int fitSamples, int testSamples, int seed) {
        Draws draws = new Draws(generator.model(), fitSamples, testSamples, seed);
        List<SampledRelocation> results = new ArrayList<>();
        for (TrainedModel other : others) {
            String otherHash = ZooStore.checkpointHash(other);
            if (fit.recipe() == null || otherHash == null || generator.checkpoint() == null) {
                results.addAll(draws.bothWays(other.model(), fit));
                continue;
            }
            String inputs = "other " + otherHash + "; fit " + fit.recipe() + "; " + fitSamples + " fit and "
                    + testSamples + " test samples from seed " + seed + "; other's codes " + Codes.RULE;
            PackedValues.Reader values = ZooStore.standard().packed(generator, null, RULE, inputs, () -> {
                PackedValues packed = new PackedValues();
                for (SampledRelocation r : draws.bothWays(other.model(), fit)) {
                    packed.add(StoredRelocations.toPacked(r.map))
                            .add(r.latentErrors)
                            .add(r.imageErrors);
                }
                return packed;
            });
            String g = generator.model().name();
            String o = other.model().name();
            for (String[] way : new String[][] {{g, o}, {o, g}}) {
                LinearMap map = (LinearMap) StoredRelocations.fromPacked(values.packed(), fit);
                results.add(new SampledRelocation(way[0], way[1], fitSamples, map, values.doubles(), values.doubles()));
            }
            values.end();
        }
        return results;
    }

    /** A generator's fit and test samples, drawn when first needed, then seen from each other model's space. */
    private static final class Draws {
        private final LatentModel generator;
        private final int fitSamples;
        private final int testSamples;
        private final int seed;
        private SamplePairs.Drawn fitDraw;
        private SamplePairs.Drawn testDraw;

        Draws(LatentModel generator, int fitSamples, int testSamples, int seed) {
            if (fitSamples < 1 || testSamples < 1) {
                throw new IllegalArgumentException(
                        "a sampled relocation needs fit and test samples; got " + fitSamples + " and " + testSamples);
            }
            this.generator = generator;
            this.fitSamples = fitSamples;
            this.testSamples = testSamples;
            this.seed = seed;
        }

        /** generator -> other, then other -> generator. */
        List<SampledRelocation> bothWays(LatentModel other, MapFit fit) {
            if (fitDraw == null) {
                fitDraw = SamplePairs.drawn(generator, fitSamples, seed);
                testDraw = SamplePairs.drawn(generator, testSamples, seed + 1);
            }
            SamplePairs fitting = fitDraw.with(other);
            SamplePairs testing = testDraw.with(other);
            LinearMap forward = fit.fit(fitting.generatorCodes(), fitting.otherCodes());
            LinearMap backward = fit.fit(fitting.otherCodes(), fitting.generatorCodes());
            return List.of(
                    measure(
                            generator.name(),
                            other,
                            forward,
                            testing.generatorCodes(),
                            testing.otherCodes(),
                            fitSamples),
                    measure(
                            other.name(),
                            generator,
                            backward,
                            testing.otherCodes(),
                            testing.generatorCodes(),
                            fitSamples));
        }
    }

    private static SampledRelocation measure(
            String source,
            LatentModel target,
            LinearMap map,
            CodeMatrix sourceCodes,
            CodeMatrix targetCodes,
            int fitSamples) {
        CodeMatrix mapped = map.apply(sourceCodes);
        double[] latent = LatentError.perCode(mapped, targetCodes);
        double[] image = Decoding.errors(target, mapped, Sampling.decoded(target, targetCodes));
        return new SampledRelocation(source, target.name(), fitSamples, map, latent, image);
    }

    /** Notebook 07's {@link #summary} of the curated StyleGAN's maps. */
    public static final ResultFile FILE = new ResultFile("stylegan-maps.csv", "notebook 07");
    /** {@link #summary}'s column naming a row's direction: "StyleGAN -> Split-VAE". */
    public static final String MAP = "map";

    /** {@link #summary}'s columns: "latent MSE mean", "latent MSE sd"; "image MSE mean", "image MSE sd". */
    public static final String LATENT_MSE = "latent MSE";

    public static final String IMAGE_MSE = "image MSE";

    /**
     * One row per direction (model names without their seed), mean and sd over the relocations of that
     * direction (say, over several Split-VAE seeds) of the latent and the image error, as the paper reports: numbers,
     * columns {@code "<error> mean"} and {@code "<error> sd"} ({@link ResultColumns}; the walkthrough's index shows
     * them as mean ± sd).
     */
    public static tech.tablesaw.api.Table summary(List<SampledRelocation> relocations) {
        Map<String, List<SampledRelocation>> groups = new LinkedHashMap<>();
        for (SampledRelocation r : relocations) {
            groups.computeIfAbsent(withoutSeed(r.source) + " -> " + withoutSeed(r.target), k -> new ArrayList<>())
                    .add(r);
        }
        var direction = tech.tablesaw.api.StringColumn.create(MAP);
        var count = tech.tablesaw.api.IntColumn.create("pairs");
        var latentMean = tech.tablesaw.api.DoubleColumn.create(ResultColumns.mean(LATENT_MSE));
        var latentSd = tech.tablesaw.api.DoubleColumn.create(ResultColumns.sd(LATENT_MSE));
        var imageMean = tech.tablesaw.api.DoubleColumn.create(ResultColumns.mean(IMAGE_MSE));
        var imageSd = tech.tablesaw.api.DoubleColumn.create(ResultColumns.sd(IMAGE_MSE));
        groups.forEach((name, group) -> {
            double[] l =
                    group.stream().mapToDouble(SampledRelocation::latentError).toArray();
            double[] m =
                    group.stream().mapToDouble(SampledRelocation::imageError).toArray();
            direction.append(name);
            count.append(group.size());
            latentMean.append(Stats.mean(l));
            latentSd.append(Stats.sd(l));
            imageMean.append(Stats.mean(m));
            imageSd.append(Stats.sd(m));
        });
        return tech.tablesaw.api.Table.create(
                "Maps fitted on samples (mean and sd over pairs)",
                direction,
                count,
                latentMean,
                latentSd,
                imageMean,
                imageSd);
    }

    private static String withoutSeed(String name) {
        return name.replaceAll("\\s+\\d+$", "");
    }

    public double latentError() {
        return Stats.mean(latentErrors);
    }

    public double imageError() {
        return Stats.mean(imageErrors);
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "%s -> %s (fitted on %,d samples): latent MSE %.4f ± %.4f, image MSE %.4f ± %.4f",
                source,
                target,
                fitSamples,
                latentError(),
                Stats.sd(latentErrors),
                imageError(),
                Stats.sd(imageErrors));
    }
}
