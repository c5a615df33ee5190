package org.latentmap.relocation;

import java.util.List;
import org.latentmap.data.ImageSet;
import org.latentmap.model.LatentModel;
import org.latentmap.model.Sampling;

/**
 * The pictures of paper Figs. 14 and 15 for a few fresh samples of a generator: the samples, the other
 * model's reconstructions of them (the best that model can draw them), the other model's drawing of each
 * mapped prior code (generator -> other, Fig. 14), and the generator's drawing of each mapped code of the
 * other model (other -> generator, Fig. 15). Where the spaces are linearly related, the third row looks like
 * the second and the fourth like the first.
 */
public record SampleFigures(
        String generator,
        String other,
        ImageSet samples,
        ImageSet reconstructions,
        ImageSet intoOther,
        ImageSet backIntoGenerator) {

    /**
     * The figures for {@code count} fresh samples drawn from {@code seed}, with the two maps of
     * {@link SampledRelocation#bothWays} between {@code generator} and {@code other}.
     */
    public static SampleFigures of(
            LatentModel generator, LatentModel other, List<SampledRelocation> bothWays, int count, int seed) {
        if (bothWays.size() != 2
                || !bothWays.get(0).source().equals(generator.name())
                || !bothWays.get(0).target().equals(other.name())
                || !bothWays.get(1).source().equals(other.name())
                || !bothWays.get(1).target().equals(generator.name())) {
            throw new IllegalArgumentException("the figures need the two maps of SampledRelocation.bothWays between "
                    + generator.name() + " and " + other.name() + ", in that order; got "
                    + bothWays.stream()
                            .map(r -> r.source() + " -> " + r.target())
                            .toList());
        }
        if (count < 1) {
            throw new IllegalArgumentException("the figures need at least one sample; got " + count);
        }
        SamplePairs pairs = SamplePairs.draw(generator, other, count, seed);
        return new SampleFigures(
                generator.name(),
                other.name(),
                Sampling.decoded(generator, pairs.generatorCodes()),
                Sampling.decoded(other, pairs.otherCodes()),
                Sampling.decoded(other, bothWays.get(0).map().apply(pairs.generatorCodes())),
                Sampling.decoded(generator, bothWays.get(1).map().apply(pairs.otherCodes())));
    }

    /** Row labels in the paper's notation, for the four rows in order. */
    public List<String> labels() {
        return List.of(generator + "(w)", other + " reconstruction", other + "(map(w))", generator + "(map(z))");
    }
}
