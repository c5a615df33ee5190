package org.latentmap.similarity;

import org.latentmap.linalg.CodeMatrix;

/**
 * A similarity of two representations of the same points (row i of both is point i), prepared once so that the
 * pairing of the points can be shuffled cheaply: what {@link PermutationNull} calibrates (issue 32, after Gröger et
 * al., arXiv 2602.14486: a score is read against the scores of the same spaces with the pairing broken).
 */
public interface PairedMeasure {
    /** The measure's name in tables: "debiased linear CKA", "mutual 10-NN". */
    String name();

    /**
     * One space prepared for this measure (its kernel, neighbour lists or basis), or an error saying what is wrong
     * with it: prepared once, it serves every pair it is part of (15 models make 105 pairs).
     */
    Space space(CodeMatrix codes);

    /** Two spaces this measure prepared, of the same points, paired; an error for other spaces. */
    Prepared pair(Space x, Space y);

    /** The two spaces, prepared and paired. */
    default Prepared prepare(CodeMatrix x, CodeMatrix y) {
        checkPaired(x, y, 1, name());
        return pair(space(x), space(y));
    }

    /** A space as a measure prepared it. */
    interface Space {
        /** How many points it holds. */
        int size();
    }

    /** The measure itself: the score of the points' own pairing. */
    default double of(CodeMatrix x, CodeMatrix y) {
        return prepare(x, y).score(PermutationNull.identity(x.size()));
    }

    /** Two prepared spaces. */
    interface Prepared {
        /** The score with point i of the first space paired with point {@code pairing[i]} of the second. */
        double score(int[] pairing);
    }

    /** The space itself when this measure prepared it and it has as many points as {@code other}, else an error. */
    static <S extends Space> S paired(Space space, Space other, Class<S> kind, String measure) {
        if (!kind.isInstance(space) || !kind.isInstance(other)) {
            throw new IllegalArgumentException("spaces prepared by another measure than " + measure);
        }
        if (space.size() != other.size()) {
            throw new IllegalArgumentException(space.size() + " codes against " + other.size() + ": " + measure
                    + " compares codes of the same points, row i of both being point i");
        }
        return kind.cast(space);
    }

    /** The error for two sets of codes that are not of the same points. */
    static void checkPaired(CodeMatrix x, CodeMatrix y, int atLeast, String measure) {
        if (x.size() != y.size()) {
            throw new IllegalArgumentException(x.size() + " codes against " + y.size() + ": " + measure
                    + " compares codes of the same points, row i of both being point i");
        }
        if (x.size() < atLeast) {
            throw new IllegalArgumentException(measure + " needs at least " + atLeast + " points; got " + x.size());
        }
    }
}
