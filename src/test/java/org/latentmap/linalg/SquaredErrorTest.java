package org.latentmap.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SquaredErrorTest {
    @Test
    void theMeanOfSquaredDifferencesByHand() {
        assertEquals(13.0 / 3, SquaredError.mean(new float[] {1, 2, 3}, new float[] {1, 0, 6}), 0);
        assertEquals(13.0 / 3, SquaredError.mean(new float[] {1, 2, 3}, new double[] {1, 0, 6}), 0);
    }

    @Test
    void aDoubleVectorIsComparedInDoublePrecision() {
        assertEquals(0, SquaredError.mean(new float[] {0.1f}, new float[] {0.1f}), 0);
        double d = (double) 0.1f - 0.1;
        assertEquals(d * d, SquaredError.mean(new float[] {0.1f}, new double[] {0.1}), 0);
        assertTrue(d * d > 0, "0.1f is not 0.1");
    }

    @Test
    void vectorsOfDifferentLengthsAreRefused() {
        var error = assertThrows(IllegalArgumentException.class, () -> SquaredError.mean(new float[2], new float[3]));
        assertEquals("vectors of 2 and 3 values have no squared error", error.getMessage());
    }
}
