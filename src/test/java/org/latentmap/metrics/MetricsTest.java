package org.latentmap.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.latentmap.data.ImageSet;
import org.latentmap.model.LatentModel;
import org.latentmap.train.ReconstructionError;

class MetricsTest {

    /** Encodes an image as its pixels and decodes by scaling them: reconstruction error (1 - s)^2 x mean x^2. */
    private static LatentModel scaling(float scale) {
        return new LatentModel() {
            public String name() {
                return "scale " + scale;
            }

            public int latentSize() {
                return 4;
            }

            public NDArray encode(NDArray images) {
                return images.reshape(images.getShape().get(0), 4);
            }

            public NDArray decode(NDArray codes) {
                return codes.mul(scale).reshape(codes.getShape().get(0), 1, 2, 2);
            }
        };
    }

    private static final ImageSet IMAGES = new ImageSet(new float[] {1, 1, 1, 1, 0, 0, 0, 2}, 2, 1, 2, 2, null, null);

    @Test
    void reconstructionErrorIsTheMeanSquaredErrorPerPixelOfEachImage() {
        assertArrayEquals(new double[] {0, 0}, ReconstructionError.perImage(scaling(1), IMAGES), 1e-9);
        // scale 0.5: image 1 errors 4 x 0.25 / 4 = 0.25; image 2: (1^2) / 4 = 0.25
        assertArrayEquals(new double[] {0.25, 0.25}, ReconstructionError.perImage(scaling(0.5f), IMAGES), 1e-7);
        assertEquals(0.25, ReconstructionError.of(scaling(0.5f), IMAGES), 1e-7);
        assertEquals(
                new Shape(2, 1, 2, 2),
                ReconstructionError.reconstructions(scaling(0.5f), IMAGES).shape());
    }

    @Test
    void aPerfectReCoderHasNoError() {
        RecoderError error = RecoderError.measure(scaling(1), 16, 3);
        assertEquals(0, error.latentMse(), 1e-12);
        assertEquals(0, error.imageMse(), 1e-12);
        assertEquals(16, error.samples());
    }

    @Test
    void statsGiveTheSampleStandardDeviation() {
        double[] values = {1, 2, 3, 4};
        assertEquals(2.5, Stats.mean(values));
        assertEquals(Math.sqrt(5.0 / 3), Stats.sd(values), 1e-12);
        assertEquals(0, Stats.sd(new double[] {7}));
        assertEquals("2.50 ± 1", Stats.meanSd(values, 3));
    }

    @Test
    void spearmanIsPearsonOnRanksWithTiesSharingTheirMeanRank() {
        // ranks (1, 2, 3, 4) and (1, 3, 2, 4): sum of squared rank differences 2, rho = 1 - 6 * 2 / (4 * 15) = 0.8
        assertEquals(0.8, Stats.spearman(new double[] {10, 20, 30, 40}, new double[] {1, 3, 2, 4}), 1e-12);
        assertEquals(-1, Stats.spearman(new double[] {1, 2, 3}, new double[] {9, 4, 1}), 1e-12);
        assertArrayEquals(new double[] {1.5, 1.5, 3}, Stats.ranks(new double[] {5, 5, 7}), 1e-12);
        var error =
                assertThrows(IllegalArgumentException.class, () -> Stats.spearman(new double[] {1}, new double[] {1}));
        assertEquals("a rank correlation needs two samples of equal size >= 2; got 1 and 1", error.getMessage());
    }
}
