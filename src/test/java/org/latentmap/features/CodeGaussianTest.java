package org.latentmap.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.latentmap.linalg.CodeMatrix;

class CodeGaussianTest {

    /** Four codes at (+-2, +-1) around (1, 0): mean (1, 0), variances 4 and 1, no covariance. */
    private static final CodeMatrix CODES = CodeMatrix.ofRows(new float[][] {{3, 1}, {3, -1}, {-1, 1}, {-1, -1}});

    @Test
    void meanAndCovarianceAreTheCodesOwn() {
        CodeGaussian fit = CodeGaussian.of(CODES);
        assertArrayEquals(new double[] {1, 0}, fit.mean(), 1e-12);
        assertEquals(4, fit.covariance(0, 0), 1e-12);
        assertEquals(1, fit.covariance(1, 1), 1e-12);
        assertEquals(0, fit.covariance(0, 1), 1e-12);
        assertEquals(5, fit.totalVariance(), 1e-12);
    }

    @Test
    void divergenceFromThePriorIsTheClosedFormByHand() {
        // (tr + |mean|^2 - d - ln det) / 2 = (5 + 1 - 2 - ln 4) / 2
        assertEquals((4 - Math.log(4)) / 2, CodeGaussian.of(CODES).divergenceFromPrior(), 1e-5);
        // codes spread as the prior in both variables, centred: no divergence
        CodeMatrix standard = CodeMatrix.ofRows(new float[][] {{1, 1}, {1, -1}, {-1, 1}, {-1, -1}});
        assertEquals(0, CodeGaussian.of(standard).divergenceFromPrior(), 1e-5);
    }

    @Test
    void drawsFollowTheFittedMoments() {
        CodeMatrix drawn = CodeGaussian.of(CODES).draw(20_000, 3);
        CodeGaussian refit = CodeGaussian.of(drawn);
        assertArrayEquals(new double[] {1, 0}, refit.mean(), 0.05);
        assertEquals(4, refit.covariance(0, 0), 0.15);
        assertEquals(1, refit.covariance(1, 1), 0.05);
        assertEquals(0, refit.covariance(0, 1), 0.05);
        assertArrayEquals(
                drawn.row(7), CodeGaussian.of(CODES).draw(20_000, 3).row(7), "the same seed draws the same codes");
    }

    @Test
    void tooFewCodesAreRefused() {
        var error = assertThrows(
                IllegalArgumentException.class, () -> CodeGaussian.of(CodeMatrix.ofRows(new float[][] {{1, 2}})));
        assertEquals("a Gaussian needs at least two codes to fit, got 1: encode more images", error.getMessage());
    }
}
