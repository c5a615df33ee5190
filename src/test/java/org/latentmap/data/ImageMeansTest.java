package org.latentmap.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImageMeansTest {
    /** Four two-pixel images of classes 0, 2, 0, 2 (class 1 has none). */
    private static final ImageSet SET = new ImageSet(
            new float[] {0, 1, 2, 3, 4, 5, 6, 7}, 4, 1, 1, 2, new int[] {0, 2, 0, 2}, List.of("a", "b", "c"));

    @Test
    void theMeanImageAndEachClasssByHand() {
        assertArrayEquals(new double[] {3, 4}, SET.meanImage(), 0);
        double[][] classes = SET.classMeans();
        assertEquals(3, classes.length);
        assertArrayEquals(new double[] {2, 3}, classes[0], 0);
        assertNull(classes[1], "a class no image has");
        assertArrayEquals(new double[] {4, 5}, classes[2], 0);
    }

    @Test
    void callersGetCopiesAndASetWithoutLabelsNoClasses() {
        SET.meanImage()[0] = 99;
        SET.classMeans()[0][0] = 99;
        assertArrayEquals(new double[] {3, 4}, SET.meanImage(), 0);
        assertArrayEquals(new double[] {2, 3}, SET.classMeans()[0], 0);
        ImageSet unlabelled = new ImageSet(new float[] {1, 3}, 2, 1, 1, 1, null, null);
        assertArrayEquals(new double[] {2}, unlabelled.meanImage(), 0);
        assertEquals(0, unlabelled.classMeans().length);
    }
}
