package org.latentmap.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentmap.data.ImageSet;

/** Each baseline by hand on images of two pixels. */
class BaselinesTest {
    // training images (0, 0), (1, 0) of class 0 and (0, 1), (1, 1) of class 1: mean image (0.5, 0.5),
    // class means (0.5, 0) and (0.5, 1)
    private final ImageSet train =
            new ImageSet(new float[] {0, 0, 1, 0, 0, 1, 1, 1}, 4, 1, 1, 2, new int[] {0, 0, 1, 1}, List.of("a", "b"));
    // test images (0, 0) of class 0 and (1, 0.5) of class 1
    private final ImageSet test =
            new ImageSet(new float[] {0, 0, 1, 0.5f}, 2, 1, 1, 2, new int[] {0, 1}, List.of("a", "b"));

    @Test
    void theMeanImage() {
        // (0.25 + 0.25) / 2 and (0.25 + 0) / 2
        assertArrayEquals(new double[] {0.25, 0.125}, Baselines.meanImageErrors(train, test), 1e-12);
    }

    @Test
    void theClassMean() {
        // (0.25 + 0) / 2 against (0.5, 0); (0.25 + 0.25) / 2 against (0.5, 1)
        assertArrayEquals(new double[] {0.125, 0.25}, Baselines.classMeanErrors(train, test), 1e-12);
        ImageSet unlabelled = new ImageSet(new float[] {0, 0}, 1, 1, 1, 2, null, null);
        assertTrue(Double.isNaN(Baselines.classMeanErrors(train, unlabelled)[0]));
    }

    @Test
    void theNearestTrainingImage() {
        // (0, 0) is a training image; (1, 0.5) is 0.25 / 2 from both (1, 0) and (1, 1)
        assertArrayEquals(new double[] {0, 0.125}, Baselines.nearestTrainingErrors(train, test), 1e-7);
    }

    @Test
    void allTogetherWithRandomPairsAndTheStrongestBeaten() {
        Baselines b = Baselines.computed(train, test);
        assertEquals(2, b.testImages());
        assertEquals(0.1875, b.meanImage(), 1e-12);
        assertEquals(0.1875, b.classMean(), 1e-12);
        assertEquals(0.0625, b.nearestTraining(), 1e-7);
        // two test images: every random pair is the one pair, error (1 + 0.25) / 2
        assertEquals(0.625, b.randomPairs(), 1e-12);
        assertEquals("nearest training image", b.strongestBeaten(0.01));
        assertEquals("class mean", new Baselines(2, 0.3, 0.2, 0.5, 0.05).strongestBeaten(0.1));
        assertEquals("mean image", new Baselines(2, 0.3, 0.2, 0.5, 0.05).strongestBeaten(0.25));
        assertEquals("random pairs", new Baselines(2, 0.3, 0.2, 0.5, 0.05).strongestBeaten(0.4));
        assertEquals("none", new Baselines(2, 0.3, 0.2, 0.5, 0.05).strongestBeaten(0.6));
        var table = b.table();
        assertEquals(
                List.of("mean image", "class mean", "random pairs", "nearest training image"),
                table.stringColumn("baseline").asList());
        assertEquals(List.of("baseline", "mse", "test_images"), table.columnNames());
    }

    @Test
    void aBaselineThatDoesNotApplySaysWhyInsteadOfANumber() {
        ImageSet unlabelled = new ImageSet(new float[] {1, 0.5f, 0, 0}, 2, 1, 1, 2, null, null);
        Baselines noLabels = Baselines.computed(train, unlabelled);
        assertFalse(noLabels.hasClassMean());
        assertTrue(noLabels.toString().contains("class mean none (the images have no labels)"), noLabels.toString());
        assertFalse(noLabels.toString().contains("NaN"), noLabels.toString());
        ImageSet trainingImages = new ImageSet(new float[] {0, 0, 1, 1}, 2, 1, 1, 2, null, null);
        Baselines own = Baselines.computed(train, trainingImages);
        assertFalse(own.hasNearestTraining());
        assertTrue(
                own.toString()
                        .endsWith("nearest training image does not apply (the images are training images,"
                                + " each its own nearest)"),
                own.toString());
        Baselines both = Baselines.computed(train, test);
        assertTrue(both.hasClassMean() && both.hasNearestTraining());
        assertTrue(
                both.toString().endsWith("class mean 0.1875, random pairs 0.6250, nearest training image 0.0625"),
                both.toString());
    }

    @Test
    void imagesOfAnotherShapeAreRefused() {
        ImageSet other = new ImageSet(new float[] {0, 0, 0}, 1, 1, 1, 3, null, null);
        var error = assertThrows(IllegalArgumentException.class, () -> Baselines.computed(train, other));
        assertTrue(error.getMessage().endsWith(": baselines compare images of one shape"), error.getMessage());
    }
}
