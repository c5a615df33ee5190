package org.latentmap.similarity;

/**
 * A measure with the number of shuffles of its {@link PermutationNull}: what a study calibrates, measure by measure
 * (SVCCA's shuffles cost a canonical correlation each, so a study may give it fewer).
 */
public record Calibration(PairedMeasure measure, int shuffles) {
    public Calibration {
        if (measure == null || shuffles < 1) {
            throw new IllegalArgumentException(
                    "a calibration needs a measure and at least 1 shuffle; got " + measure + " and " + shuffles);
        }
    }

    /** {@code measure} against {@code shuffles} shuffles of its pairing. */
    public static Calibration of(PairedMeasure measure, int shuffles) {
        return new Calibration(measure, shuffles);
    }
}
