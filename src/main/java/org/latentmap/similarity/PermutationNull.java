package org.latentmap.similarity;

import java.util.SplittableRandom;
import org.latentmap.linalg.CodeMatrix;

/**
 * How high a similarity score is by chance for these very spaces (issue 32): the measure is computed again with the
 * points' pairing shuffled ({@code shuffles} times, each a uniform random permutation from {@code seed}), which keeps
 * each space as it is and breaks only the correspondence. Gröger et al. (arXiv 2602.14486, 2026) show that scores
 * grow with the spaces' width and depth, and that read against such a null much apparent agreement disappears.
 */
public final class PermutationNull {
    private PermutationNull() {}

    /** {@code measure} of {@code x} and {@code y} against its null from {@code shuffles} shuffles drawn from {@code seed}. */
    public static CalibratedScore of(PairedMeasure measure, CodeMatrix x, CodeMatrix y, int shuffles, long seed) {
        return of(measure, measure.space(x), measure.space(y), shuffles, seed);
    }

    /** The same for two spaces {@code measure} prepared ({@link PairedMeasure#space}), say once per model. */
    public static CalibratedScore of(
            PairedMeasure measure, PairedMeasure.Space x, PairedMeasure.Space y, int shuffles, long seed) {
        if (shuffles < 1) {
            throw new IllegalArgumentException("a permutation null needs at least 1 shuffle; got " + shuffles);
        }
        PairedMeasure.Prepared prepared = measure.pair(x, y);
        double score = prepared.score(identity(x.size()));
        SplittableRandom random = new SplittableRandom(seed);
        double sum = 0;
        double sumSquares = 0;
        int atLeast = 0;
        for (int s = 0; s < shuffles; s++) {
            double shuffled = prepared.score(shuffled(x.size(), random));
            sum += shuffled;
            sumSquares += shuffled * shuffled;
            if (shuffled >= score) {
                atLeast++;
            }
        }
        double mean = sum / shuffles;
        double sd = shuffles > 1 ? Math.sqrt(Math.max(0, (sumSquares - shuffles * mean * mean) / (shuffles - 1))) : 0;
        double calibrated = mean < 1 ? (score - mean) / (1 - mean) : Double.NaN;
        return new CalibratedScore(
                measure.name(), score, mean, sd, calibrated, (1.0 + atLeast) / (1.0 + shuffles), shuffles);
    }

    /** The pairing of each point with itself. */
    static int[] identity(int n) {
        int[] pairing = new int[n];
        for (int i = 0; i < n; i++) {
            pairing[i] = i;
        }
        return pairing;
    }

    /** A uniform random permutation of 0..n-1 (Fisher-Yates). */
    static int[] shuffled(int n, SplittableRandom random) {
        int[] pairing = identity(n);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = pairing[i];
            pairing[i] = pairing[j];
            pairing[j] = t;
        }
        return pairing;
    }
}
