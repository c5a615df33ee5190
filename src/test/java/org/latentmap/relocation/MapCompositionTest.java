package org.latentmap.relocation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentmap.relocation.MapFamiliesTest.rotation;
import static org.latentmap.relocation.MapFamiliesTest.times;
import static org.latentmap.relocation.MapFamiliesTest.whitened;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.latentmap.linalg.CodeMatrix;

/** Map fits as pre-steps and an aligner: each class against a closed form on hand-made codes. */
class MapCompositionTest {
    private static final double[][] IDENTITY = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};

    /** n Gaussian codes of size p. */
    private static double[][] gaussian(int n, int p, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][p];
        for (double[] row : x) {
            for (int k = 0; k < p; k++) {
                row[k] = random.nextGaussian();
            }
        }
        return x;
    }

    private static void assertWeights(double[][] expected, LinearMap map, double tolerance) {
        double[][] w = map.weights();
        assertEquals(expected.length, w.length, "source variables");
        for (int k = 0; k < expected.length; k++) {
            assertArrayEquals(expected[k], w[k], tolerance, map.fit() + ", row " + k);
        }
    }

    @Test
    void orthoAndLOrthoRecoverAnExactRotation() {
        double[][] x = gaussian(200, 3, 1);
        double[][] r = rotation(3, 2);
        CodeMatrix source = times(x, IDENTITY, new double[] {1, 1, 1}, new double[3]);
        CodeMatrix target = times(x, r, new double[] {1, 1, 1}, new double[3]);
        for (MapFit fit : List.of(MapFit.aligned(Aligner.ortho()), MapFit.aligned(Aligner.lOrtho()))) {
            LinearMap map = fit.fit(source, target);
            assertWeights(r, map, 1e-5);
            assertFalse(map.hasBias(), "no steps, no bias: " + fit);
        }
        // Maiorca's classes on spaces with their own scales and shifts: whitened codes, so that standard scaling
        // leaves the rotation exact
        double[][] white = whitened(200, 3, 3);
        double[] s1 = {2, 1, 0.5};
        double[] s2 = {3, 3, 1};
        CodeMatrix scaledSource = times(white, IDENTITY, s1, new double[] {1, -1, 0});
        CodeMatrix scaledTarget = times(white, r, s2, new double[] {0.5, 0, 2});
        double[][] expected = new double[3][3];
        for (int k = 0; k < 3; k++) {
            for (int j = 0; j < 3; j++) {
                expected[k][j] = r[k][j] * s2[j] / s1[k];
            }
        }
        for (MapFit fit : List.of(MapFit.ortho(), MapFit.lOrtho())) {
            LinearMap map = fit.fit(scaledSource, scaledTarget);
            assertWeights(expected, map, 1e-4);
            CodeMatrix mapped = map.apply(scaledSource);
            for (int i = 0; i < 5; i++) {
                assertArrayEquals(scaledTarget.row(i), mapped.row(i), 1e-4f, fit + ", image " + i);
            }
        }
    }

    @Test
    void lOrthoKeepsTheDirectionsOfLeastSquaresAndDropsItsStretch() {
        // Y = X (2 R): least squares finds 2 R, l-ortho its orthogonal factor R, ortho R as well
        double[][] x = gaussian(100, 3, 4);
        double[][] r = rotation(3, 5);
        double[][] twice = new double[3][3];
        for (int k = 0; k < 3; k++) {
            for (int j = 0; j < 3; j++) {
                twice[k][j] = 2 * r[k][j];
            }
        }
        CodeMatrix source = times(x, IDENTITY, new double[] {1, 1, 1}, new double[3]);
        CodeMatrix target = times(x, twice, new double[] {1, 1, 1}, new double[3]);
        assertWeights(twice, MapFit.leastSquares().fit(source, target), 1e-5);
        assertWeights(r, MapFit.aligned(Aligner.lOrtho()).fit(source, target), 1e-5);
        assertWeights(r, MapFit.aligned(Aligner.ortho()).fit(source, target), 1e-5);
    }

    @Test
    void zeroPaddingBetweenSpacesOfDifferentSizes() {
        double[][] x = gaussian(300, 3, 6);
        double[][] q = rotation(5, 7);
        // up: 3 -> 5 along three orthonormal rows of a 5 x 5 rotation; down: 5 -> 3 along orthonormal columns
        double[][] rows = {q[0], q[1], q[2]};
        CodeMatrix small = times(x, IDENTITY, new double[] {1, 1, 1}, new double[3]);
        CodeMatrix big = times(x, rows, new double[] {1, 1, 1, 1, 1}, new double[5]);
        for (Aligner aligner : List.of(Aligner.ortho(), Aligner.lOrtho())) {
            LinearMap padded = MapFit.aligned(aligner, PreStep.ZERO_PADDING).fit(small, big);
            assertEquals(3, padded.sourceSize());
            assertEquals(5, padded.targetSize());
            assertWeights(rows, padded, 1e-5);
            // the padded problem gives what the thin one gives: padding adds no singular direction
            assertWeights(padded.weights(), MapFit.aligned(aligner).fit(small, big), 1e-10);
        }
        double[][] columns = new double[5][3];
        for (int k = 0; k < 5; k++) {
            for (int j = 0; j < 3; j++) {
                columns[k][j] = q[j][k];
            }
        }
        // the big space's codes as a combination of the small one's: y = x rows, so x = y rows' = y columns
        LinearMap down = MapFit.aligned(Aligner.ortho(), PreStep.ZERO_PADDING).fit(big, small);
        assertEquals(5, down.sourceSize());
        assertEquals(3, down.targetSize());
        assertWeights(columns, down, 1e-5);
        CodeMatrix back = down.apply(big);
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(small.row(i), back.row(i), 1e-4f);
        }
        // least squares leaves the padded source variables out rather than refusing them
        LinearMap linear =
                MapFit.aligned(Aligner.leastSquares(), PreStep.ZERO_PADDING).fit(small, big);
        assertWeights(rows, linear, 1e-5);
    }

    @Test
    void affineByDescentRecoversAKnownAffineMap() {
        double[][] x = gaussian(300, 4, 8);
        double[][] w = {{1, -0.5, 0}, {0.25, 1, -1}, {0, 0.5, 0.5}, {-1, 0, 1}};
        double[] b = {0.5, -1, 2};
        CodeMatrix source = times(
                x,
                new double[][] {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}},
                new double[] {1, 1, 1, 1},
                new double[4]);
        CodeMatrix target = times(x, w, new double[] {1, 1, 1}, b);
        LinearMap map = MapFit.aligned(Aligner.affineByDescent(5000, 0.01, 1)).fit(source, target);
        assertWeights(w, map, 1e-3);
        assertArrayEquals(b, map.bias(), 1e-3);
        // the same settings are seeded: the same start, the same map
        assertArrayEquals(
                map.bias(),
                MapFit.aligned(Aligner.affineByDescent(5000, 0.01, 1))
                        .fit(source, target)
                        .bias());
        // latentis' settings (300 steps at 1e-3) stop short of the optimum that affine least squares reaches
        double closedForm = squaredError(MapFit.affine().fit(source, target).apply(source), target);
        double latentis = squaredError(MapFit.sgdAffine().fit(source, target).apply(source), target);
        assertTrue(closedForm < 1e-9, "exact data: " + closedForm);
        assertTrue(latentis > 1e-4, "300 steps at 1e-3 stop short: " + latentis);
    }

    @Test
    void linearIsAffineLeastSquaresThroughTheScaledSpaces() {
        double[][] x = gaussian(80, 3, 9);
        SplittableRandom random = new SplittableRandom(10);
        CodeMatrix source = times(x, IDENTITY, new double[] {2, 0.5, 1}, new double[] {3, -1, 0});
        double[][] m = {{1, 2}, {-1, 0.5}, {0, 1}};
        CodeMatrix exact = times(x, m, new double[] {1, 1}, new double[] {1, -2});
        float[] noisy = new float[exact.size() * 2];
        for (int i = 0; i < noisy.length; i++) {
            noisy[i] = exact.get(i / 2, i % 2) + (float) (0.1 * random.nextGaussian());
        }
        CodeMatrix target = CodeMatrix.of(noisy, 2);
        LinearMap linear = MapFit.linear().fit(source, target);
        LinearMap affine = MapFit.affine().fit(source, target);
        assertWeights(affine.weights(), linear, 1e-9);
        assertArrayEquals(affine.bias(), linear.bias(), 1e-9);
        assertEquals("linear", linear.fit());
    }

    @Test
    void stepsTakeTheFitPointsStatisticsAndEnterTheRecipe() {
        // centring alone: least squares without bias on centred spaces gives the affine map, its bias included
        double[][] x = gaussian(50, 3, 11);
        CodeMatrix source = times(x, IDENTITY, new double[] {1, 1, 1}, new double[] {5, -5, 1});
        CodeMatrix target = times(x, IDENTITY, new double[] {1, 1, 1}, new double[] {0, 1, 2});
        LinearMap centred =
                MapFit.aligned(Aligner.leastSquares(), PreStep.CENTRING).fit(source, target);
        assertWeights(IDENTITY, centred, 1e-5);
        assertArrayEquals(new double[] {-5, 6, 1}, centred.bias(), 1e-4);
        assertFalse(MapFit.leastSquares().fit(source, target).hasBias(), "no steps, no bias");

        // a fit without steps keeps its aligner's recipe (maps stored before steps existed are read back)
        assertEquals(Aligner.leastSquares().recipe(), MapFit.leastSquares().recipe());
        assertNotEquals(
                MapFit.leastSquares().recipe(),
                MapFit.aligned(Aligner.leastSquares(), PreStep.CENTRING).recipe());
        Set<String> recipes = new HashSet<>();
        for (MapFit fit : MapFit.maiorca()) {
            assertTrue(fit.recipe() != null && recipes.add(fit.recipe()), fit + ": " + fit.recipe());
            assertTrue(
                    fit.preSteps().contains(PreStep.STANDARD_SCALING), fit + " scales with the fit points' statistics");
        }
        assertEquals(
                List.of("affine", "linear", "l-ortho", "ortho"),
                MapFit.maiorca().stream().map(MapFit::name).toList());
        assertEquals(
                List.of(PreStep.STANDARD_SCALING, PreStep.ZERO_PADDING),
                MapFit.aligned(Aligner.ortho(), PreStep.ZERO_PADDING, PreStep.STANDARD_SCALING)
                        .preSteps(),
                "steps apply in one order whatever the order given");
        assertEquals(
                "ortho after standard scaling, zero padding",
                MapFit.aligned(Aligner.ortho(), PreStep.STANDARD_SCALING, PreStep.ZERO_PADDING)
                        .name());
        var none = assertThrows(IllegalArgumentException.class, () -> MapFit.aligned(null));
        assertTrue(none.getMessage().contains("needs an aligner"), none.getMessage());
        var one = assertThrows(
                IllegalArgumentException.class,
                () -> MapFit.ortho()
                        .fit(CodeMatrix.of(new float[] {1, 2, 3}, 3), CodeMatrix.of(new float[] {1, 2}, 2)));
        assertTrue(one.getMessage().contains("at least 2 pairs"), one.getMessage());
    }

    private static double squaredError(CodeMatrix a, CodeMatrix b) {
        double sum = 0;
        for (int i = 0; i < a.size(); i++) {
            for (int j = 0; j < a.width(); j++) {
                double d = a.get(i, j) - b.get(i, j);
                sum += d * d;
            }
        }
        return sum / a.size();
    }
}
