package org.latentmap.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.latentmap.linalg.CodeMatrix;

class SimilarityTest {

    private static CodeMatrix m(float[][] rows) {
        return CodeMatrix.ofRows(rows);
    }

    private static float[][] noise(int n, int p, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] out = new float[n][p];
        for (float[] row : out) {
            for (int k = 0; k < p; k++) {
                row[k] = (float) random.nextGaussian();
            }
        }
        return out;
    }

    /** Rotates each code by angle t in the plane of variables 0 and 1, scales it by s and shifts it by d. */
    private static float[][] rotated(float[][] codes, double t, double s, float d) {
        float[][] out = new float[codes.length][];
        for (int i = 0; i < codes.length; i++) {
            out[i] = codes[i].clone();
            out[i][0] = (float) (s * (Math.cos(t) * codes[i][0] - Math.sin(t) * codes[i][1])) + d;
            out[i][1] = (float) (s * (Math.sin(t) * codes[i][0] + Math.cos(t) * codes[i][1])) + d;
            for (int k = 2; k < out[i].length; k++) {
                out[i][k] = (float) (s * codes[i][k]) + d;
            }
        }
        return out;
    }

    @Test
    void ckaOfASpaceWithARotatedScaledShiftedCopyOfItselfIsOne() {
        float[][] x = noise(300, 5, 1);
        assertEquals(1, LinearCka.of(m(x), m(x)), 1e-9);
        assertEquals(1, LinearCka.of(m(x), m(rotated(x, 0.7, 3, 2f))), 1e-6);
        double unrelated = LinearCka.of(m(x), m(noise(300, 5, 2)));
        assertTrue(unrelated < 0.1, "independent noise: " + unrelated);
        // stretching one variable changes the space's shape: CKA drops below 1
        float[][] stretched = rotated(x, 0, 1, 0f);
        for (float[] row : stretched) {
            row[0] *= 10;
        }
        assertTrue(LinearCka.of(m(x), m(stretched)) < 0.9);
        var error = assertThrows(IllegalArgumentException.class, () -> LinearCka.of(m(x), m(noise(10, 5, 3))));
        assertEquals("300 codes against 10: CKA compares codes of the same points", error.getMessage());
    }

    @Test
    void ckaOfTwoHandMadeSpacesByHand() {
        // x = (1, 2, 3) and y = (1, 3, 2), both centred: x = (-1, 0, 1), y = (-1, 1, 0); x'y = 1, x'x = y'y = 2
        float[][] x = {{1}, {2}, {3}};
        float[][] y = {{1}, {3}, {2}};
        assertEquals(1.0 / 4, LinearCka.of(m(x), m(y)), 1e-12);
    }

    @Test
    void neighbourOverlapIsOneForARotatedCopyAndCountsSharedNeighboursByHand() {
        float[][] x = noise(200, 4, 4);
        assertEquals(1, MutualNeighbours.of(m(x), m(rotated(x, 1.1, 0.5, -3f)), 10), 1e-12);
        assertTrue(MutualNeighbours.of(m(x), m(noise(200, 4, 5)), 10) < 0.2);
        // points on a line at 0, 1, 3, 7 against 0, 1, 7, 3 (the last two swapped): with k = 1
        // nearest in x: 0->1, 1->0, 3->1, 7->3; in y: 0->1, 1->0, 7->3 (index 2 -> index 3), 3->... (index 3 -> 1)
        float[][] a = {{0}, {1}, {3}, {7}};
        float[][] b = {{0}, {1}, {7}, {3}};
        // x's neighbours: [1, 0, 1, 2]; y's: [1, 0, 3, 1] -> shared for points 0, 1: 2 of 4
        assertEquals(0.5, MutualNeighbours.of(m(a), m(b), 1), 1e-12);
        var error = assertThrows(IllegalArgumentException.class, () -> MutualNeighbours.of(m(a), m(b), 4));
        assertEquals("k in [1, 3] (the other points), got 4", error.getMessage());
    }
}
