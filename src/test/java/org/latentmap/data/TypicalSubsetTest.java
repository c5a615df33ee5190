package org.latentmap.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TypicalSubsetTest {
    /** Images of two pixels: class 0 around 0.5, class 1 around 0.1. */
    private static ImageSet data(boolean labelled) {
        float[] pixels = {0, 0, 1, 1, 0.25f, 0.25f, 0.75f, 0.75f, 0.1f, 0.1f, 0.1f, 0.3f};
        return new ImageSet(
                pixels,
                6,
                1,
                1,
                2,
                labelled ? new int[] {0, 0, 0, 0, 1, 1} : null,
                labelled ? List.of("a", "b") : null);
    }

    @Test
    void theRandomControlKeepsAsManyOfEachClassAtRandom() {
        ImageSet data = data(true);
        TypicalSubset typical = TypicalSubset.of(data, 0.5);
        int sameAsTypical = 0;
        Set<String> draws = new HashSet<>();
        for (long seed = 1; seed <= 20; seed++) {
            TypicalSubset control = TypicalSubset.randomControl(data, 0.5, seed);
            assertTrue(control.isRandomControl());
            assertEquals(typical.size(), control.size());
            int[] kept = control.indices();
            assertEquals(2, Arrays.stream(kept).filter(i -> i < 4).count(), "two of class 0's four");
            assertEquals(1, Arrays.stream(kept).filter(i -> i >= 4).count(), "one of class 1's two");
            assertArrayEquals(kept, TypicalSubset.randomControl(data, 0.5, seed).indices(), "seeded");
            draws.add(Arrays.toString(kept));
            sameAsTypical += Arrays.equals(kept, typical.indices()) ? 1 : 0;
        }
        assertTrue(draws.size() > 3, "seeds draw different halves: " + draws);
        assertTrue(sameAsTypical < 20);
        assertTrue(TypicalSubset.randomControl(data, 0.5, 7)
                .toString()
                .startsWith("random control: a random 50% of each class (seed 7)"));
    }

    @Test
    void eachClassKeepsItsImagesClosestToItsMean() {
        TypicalSubset subset = TypicalSubset.of(data(true), 0.5);
        // class 0: mean 0.5, scores 0.25, 0.25, 0.0625, 0.0625; class 1: mean (0.1, 0.2), scores 0.005 and 0.005
        assertEquals(0.25, subset.score(0), 1e-7);
        assertEquals(0.0625, subset.score(2), 1e-7);
        assertEquals(0.005, subset.score(5), 1e-7);
        assertArrayEquals(new int[] {2, 3, 4}, subset.indices(), "two of four, one of two (ties by index)");
        assertTrue(subset.contains(3));
        assertFalse(subset.contains(0));
        assertEquals(0, subset.percentile(2), 1e-12);
        assertEquals(100, subset.percentile(1), 1e-12);
        assertEquals(2, subset.countKept(new int[] {0, 3, 4}));
        assertEquals(3, subset.images(data(true)).size());
        // percentiles: 2 and 4 at 0, 3 at 33, 5 at 100 (score 0.005), 0 at 67, 1 at 100 (score 0.25)
        assertArrayEquals(new int[] {4, 2, 3}, subset.extremes(3, true));
        assertArrayEquals(new int[] {1, 5, 0}, subset.extremes(3, false));
    }

    @Test
    void unlabelledImagesAreScoredAgainstTheMeanOfAll() {
        TypicalSubset subset = TypicalSubset.of(data(false), 0.5);
        // mean of all: (2.2/6, 2.4/6); the three closest are 4, 2 and 5
        assertArrayEquals(new int[] {2, 4, 5}, subset.indices());
    }

    @Test
    void theFractionIsAShareOfEachClass() {
        var error = assertThrows(IllegalArgumentException.class, () -> TypicalSubset.of(data(true), 0));
        assertEquals("the typical subset keeps a fraction in (0, 1] of each class, got 0.0", error.getMessage());
        assertEquals(6, TypicalSubset.of(data(true), 1).size());
    }
}
