package org.latentmap.studies;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.latentmap.relocation.CodeMapFit;
import org.latentmap.relocation.FitPoints;
import org.latentmap.relocation.Relocation;
import org.latentmap.relocation.Relocations;
import org.latentmap.zoo.TrainedModel;

/**
 * Several ways to fit a map, compared on the same pairs of models and the same fitting points (paper Sect. 6; notebook
 * 04's comparison of least squares, ridge, the authors' Keras fit ...): for each pair, one relocation per fit, and
 * which fit gives the smallest latent error (L-MSE) and which the smallest image error (M-MSE).
 */
public final class FitComparison {
    private final Relocations relocations;
    private final FitPoints points;
    private final List<PairFits> pairs = new ArrayList<>();

    private FitComparison(Relocations relocations, FitPoints points) {
        this.relocations = relocations;
        this.points = points;
    }

    /** A comparison whose maps are fitted on {@code points} and measured by {@code relocations}. */
    public static FitComparison on(Relocations relocations, FitPoints points) {
        return new FitComparison(relocations, points);
    }

    /** Relocates {@code source} to {@code target} with each of {@code ways}, in order. */
    public FitComparison add(TrainedModel source, TrainedModel target, List<? extends CodeMapFit> ways) {
        List<Relocation> fitted = new ArrayList<>();
        for (CodeMapFit way : ways) {
            fitted.add(relocations.relocate(source, target, way, points));
        }
        pairs.add(new PairFits(List.copyOf(ways), List.copyOf(fitted)));
        return this;
    }

    /** The pairs, in the order they were added. */
    public List<PairFits> pairs() {
        return List.copyOf(pairs);
    }

    /** Every relocation, pair after pair, fit after fit. */
    public List<Relocation> relocations() {
        return pairs.stream().flatMap(p -> p.relocations().stream()).toList();
    }

    /** One pair's relocations, one for each of its ways to fit, in the same order. */
    public record PairFits(List<CodeMapFit> ways, List<Relocation> relocations) {
        public TrainedModel source() {
            return relocations.get(0).source();
        }

        public TrainedModel target() {
            return relocations.get(0).target();
        }

        /** The relocation whose map was fitted by {@code way} (the same object as given to {@link #add}). */
        public Relocation fittedBy(CodeMapFit way) {
            for (int i = 0; i < ways.size(); i++) {
                if (ways.get(i) == way) {
                    return relocations.get(i);
                }
            }
            throw new IllegalArgumentException(
                    way + " was not among the fits of " + source().name() + " -> " + target().name() + ": " + ways);
        }

        /** The relocation with the smallest mean L-MSE. */
        public Relocation smallestLatentError() {
            return relocations.stream()
                    .min(Comparator.comparingDouble(Relocation::lMseMean))
                    .orElseThrow();
        }

        /** The relocation with the smallest mean M-MSE. */
        public Relocation smallestImageError() {
            return relocations.stream()
                    .min(Comparator.comparingDouble(Relocation::mMseMean))
                    .orElseThrow();
        }

        /** "VAE 1 -> VAE 2: smallest L-MSE least squares (0.0123), smallest M-MSE ridge (0.0085)". */
        @Override
        public String toString() {
            Relocation codes = smallestLatentError();
            Relocation images = smallestImageError();
            return String.format(
                    Locale.ROOT,
                    "%s -> %s: smallest L-MSE %s (%.4f), smallest M-MSE %s (%.4f)",
                    source().name(),
                    target().name(),
                    codes.fit(),
                    codes.lMseMean(),
                    images.fit(),
                    images.mMseMean());
        }
    }
}
