package org.latentmap.relocation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.latentmap.linalg.CodeMatrix;
import org.latentmap.linalg.RidgeValidation;

class MapFitTest {
    private static final double[][] W = {{1, -2}, {0.5, 3}, {-1, 0}};
    private static final double[] B = {0.25, -4};

    /** n random source codes of size 3 and their images under W (+ B). */
    private static CodeMatrix[] pairs(int n, boolean bias) {
        SplittableRandom random = new SplittableRandom(3);
        float[][] x = new float[n][3];
        float[][] y = new float[n][2];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 3; k++) {
                x[i][k] = (float) random.nextGaussian();
            }
            for (int j = 0; j < 2; j++) {
                double z = bias ? B[j] : 0;
                for (int k = 0; k < 3; k++) {
                    z += x[i][k] * W[k][j];
                }
                y[i][j] = (float) z;
            }
        }
        return new CodeMatrix[] {CodeMatrix.ofRows(x), CodeMatrix.ofRows(y)};
    }

    @Test
    void leastSquaresRecoversAKnownLinearMap() {
        CodeMatrix[] xy = pairs(20, false);
        LinearMap map = MapFit.leastSquares().fit(xy[0], xy[1]);
        assertEquals(3, map.sourceSize());
        assertEquals(2, map.targetSize());
        assertFalse(map.hasBias());
        for (int k = 0; k < 3; k++) {
            assertArrayEquals(W[k], map.weights()[k], 1e-5);
        }
        CodeMatrix mapped = map.apply(xy[0]);
        assertArrayEquals(xy[1].row(7), mapped.row(7), 1e-5f);
    }

    @Test
    void theAffineFitRecoversTheBiasToo() {
        CodeMatrix[] xy = pairs(10, true);
        LinearMap map = MapFit.affine().fit(xy[0], xy[1]);
        assertTrue(map.hasBias());
        assertArrayEquals(B, map.bias(), 1e-5);
        assertArrayEquals(W[2], map.weights()[2], 1e-5);
    }

    @Test
    void ridgeShrinksAsTheClosedFormSays() {
        // one variable: w = sum(x y) / (sum(x^2) + lambda) = (2 + 8) / (1 + 4 + 1)
        CodeMatrix x = CodeMatrix.ofRows(new float[][] {{1}, {2}});
        CodeMatrix y = CodeMatrix.ofRows(new float[][] {{2}, {4}});
        assertEquals(10.0 / 6, MapFit.ridge(1).fit(x, y).weights()[0][0], 1e-12);
        assertEquals(2, MapFit.leastSquares().fit(x, y).weights()[0][0], 1e-12);
        assertThrows(IllegalArgumentException.class, () -> MapFit.ridge(0));
    }

    @Test
    void ridgeWithMoreVariablesThanPointsIsTheSameMapInItsDualForm() {
        // one point, two variables, lambda 1: W = x^T (x x^T + 1)^-1 y = (1, 2)^T 3 / 6, which also solves the primal
        // normal equations [[2, 2], [2, 5]] W = (3, 6)^T
        CodeMatrix x = CodeMatrix.ofRows(new float[][] {{1, 2}});
        CodeMatrix y = CodeMatrix.ofRows(new float[][] {{3}});
        double[][] w = MapFit.ridge(1).fit(x, y).weights();
        assertEquals(0.5, w[0][0], 1e-12);
        assertEquals(1.0, w[1][0], 1e-12);
    }

    @Test
    void fewerPointsThanSourceVariablesAskForRidgeOrMorePoints() {
        CodeMatrix[] xy = pairs(2, false);
        var error = assertThrows(
                IllegalArgumentException.class, () -> MapFit.leastSquares().fit(xy[0], xy[1]));
        assertEquals(
                "2 pairs of codes cannot fix a map from 3 source variables by least squares (it needs at least 3):"
                        + " use ridge (MapFit.ridge) or more points",
                error.getMessage());
        assertEquals(3, MapFit.ridge(0.1).fit(xy[0], xy[1]).sourceSize(), "ridge fits with fewer points");
    }

    @Test
    void aTargetWiderThanTheSourceGetsTheMapOfItsColumnsFittedOneByOne() {
        java.util.Random random = new java.util.Random(9);
        float[][] source = new float[12][3];
        float[][] target = new float[12][7];
        for (int i = 0; i < 12; i++) {
            for (int k = 0; k < 3; k++) {
                source[i][k] = (float) random.nextGaussian();
            }
            for (int j = 0; j < 7; j++) {
                target[i][j] = source[i][j % 3] * (j + 1) + (float) random.nextGaussian();
            }
        }
        double[][] wide = MapFit.ridge(0.5)
                .fit(CodeMatrix.ofRows(source), CodeMatrix.ofRows(target))
                .weights();
        for (int j = 0; j < 7; j++) {
            float[][] one = new float[12][1];
            for (int i = 0; i < 12; i++) {
                one[i][0] = target[i][j];
            }
            double[][] narrow = MapFit.ridge(0.5)
                    .fit(CodeMatrix.ofRows(source), CodeMatrix.ofRows(one))
                    .weights();
            for (int k = 0; k < 3; k++) {
                assertEquals(narrow[k][0], wide[k][j], 1e-10, "variable " + k + ", target " + j);
            }
        }
    }

    @Test
    void aMapTooBigToFormKeepsItsDualFactorsAndMapsAlike() {
        java.util.Random random = new java.util.Random(4);
        int n = 10;
        int p = 2_100; // 2,100 x 2,100 weights: more than LinearMap.FORMED_UP_TO
        float[][] source = new float[n][p];
        float[][] target = new float[n][p];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < p; k++) {
                source[i][k] = (float) random.nextGaussian();
                target[i][k] = 0.5f * source[i][k] + (float) random.nextGaussian();
            }
        }
        LinearMap map = MapFit.ridge(2).fit(CodeMatrix.ofRows(source), CodeMatrix.ofRows(target));
        assertTrue(map.isFactored(), map.toString());
        assertEquals(p, map.sourceSize());
        assertEquals(p, map.targetSize());
        LinearMap formed = LinearMap.of(map.weights(), null);
        float[][] codes = new float[3][p];
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < p; k++) {
                codes[i][k] = (float) random.nextGaussian();
            }
        }
        float[][] factored = map.apply(CodeMatrix.ofRows(codes)).toRows();
        float[][] dense = formed.apply(CodeMatrix.ofRows(codes)).toRows();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < p; j++) {
                assertEquals(dense[i][j], factored[i][j], 1e-4 * (1 + Math.abs(dense[i][j])), "code " + i + ", " + j);
            }
        }
        LinearMap small = MapFit.ridge(2)
                .fit(
                        CodeMatrix.ofRows(java.util.Arrays.copyOf(source, n)),
                        CodeMatrix.ofRows(java.util.Arrays.stream(target)
                                .map(r -> java.util.Arrays.copyOf(r, 100))
                                .toArray(float[][]::new)));
        assertFalse(small.isFactored(), "2,100 x 100 weights are formed");
    }

    @Test
    void codesThatAreNotFiniteAreRefusedSayingSo() {
        CodeMatrix x = CodeMatrix.ofRows(new float[][] {{1, 2}, {Float.NaN, 4}, {3, Float.POSITIVE_INFINITY}});
        CodeMatrix y = CodeMatrix.ofRows(new float[][] {{1}, {2}, {3}});
        var error = assertThrows(
                IllegalArgumentException.class, () -> MapFit.validatedRidge().fit(x, y));
        assertTrue(
                error.getMessage().startsWith("2 of the 3 source codes hold NaN or infinite values"),
                error.getMessage());
        var target = assertThrows(
                IllegalArgumentException.class, () -> MapFit.leastSquares().fit(y, x));
        assertTrue(target.getMessage().startsWith("2 of the 3 target codes"), target.getMessage());
    }

    @Test
    void dependentSourceVariablesAreRefused() {
        CodeMatrix x = CodeMatrix.ofRows(new float[][] {{1, 2}, {2, 4}, {3, 6}});
        CodeMatrix y = CodeMatrix.ofRows(new float[][] {{1}, {2}, {3}});
        var error = assertThrows(
                IllegalArgumentException.class, () -> MapFit.leastSquares().fit(x, y));
        assertTrue(error.getMessage().contains("depends linearly"), error.getMessage());
    }

    @Test
    void codesOfTheWrongSizeOrCountAreRefused() {
        CodeMatrix[] xy = pairs(20, false);
        LinearMap map = MapFit.leastSquares().fit(xy[0], xy[1]);
        var error = assertThrows(
                IllegalArgumentException.class, () -> map.apply(CodeMatrix.ofRows(new float[][] {{1, 2}})));
        assertTrue(
                error.getMessage().startsWith("codes of size 2 for a map from a space of size 3"), error.getMessage());
        var count = assertThrows(
                IllegalArgumentException.class, () -> MapFit.leastSquares().fit(xy[0], CodeMatrix.of(new float[6], 2)));
        assertTrue(count.getMessage().contains("20 source codes but 3 target codes"), count.getMessage());
    }

    @Test
    void theAuthorsFitWithItsActivityTermConvergesToItsClosedForm() {
        CodeMatrix[] xy = pairs(50, false);
        // penalties large enough to move the map well away from least squares
        DenseLayerAligner withActivity = DenseLayerAligner.of(6000, 0.01, 0.01, 0.2, 1);
        DenseLayerAligner withoutActivity = DenseLayerAligner.of(6000, 0.01, 0.01, 0, 1);
        double[][] closed = withActivity.closedForm(xy[0], xy[1]);
        double[][] fitted = MapFit.aligned(withActivity).fit(xy[0], xy[1]).weights();
        double[][] closedWithout = withoutActivity.closedForm(xy[0], xy[1]);
        for (int k = 0; k < 3; k++) {
            assertArrayEquals(closed[k], fitted[k], 2e-3, "Adam's steps reach W = ((1 + q a) G + n q l2 I)^-1 C");
        }
        assertTrue(
                Math.abs(closed[1][1] - closedWithout[1][1]) > 0.1,
                "the activity term shrinks the map: " + closed[1][1] + " against " + closedWithout[1][1]);
        assertEquals(
                "authors' dense layer (L2 and activity 1.0e-04)",
                MapFit.authors().name());
        assertEquals(
                "authors' dense layer (L2 and activity 1.5e-03)",
                MapFit.authorsForGan().name());
        assertTrue(
                MapFit.authors().recipe().startsWith("authors' dense layer v1"),
                MapFit.authors().recipe());
    }

    @Test
    void theAuthorsDenseLayerConvergesToTheLeastSquaresMap() {
        CodeMatrix[] xy = pairs(50, false);
        LinearMap dense = MapFit.denseLayer(3000, 0.01, 0, 1).fit(xy[0], xy[1]);
        for (int k = 0; k < 3; k++) {
            assertArrayEquals(W[k], dense.weights()[k], 1e-3);
        }
        // with its L2 term the weights shrink a little: at the optimum 2 / (n q) Z1^T (Z1 W - Z2) = -2 l2 W
        LinearMap shrunk = MapFit.denseLayer(4000, 0.01, 0.05, 1).fit(xy[0], xy[1]);
        assertTrue(Math.abs(shrunk.weights()[1][1]) < 3, "shrunk towards 0: " + shrunk.weights()[1][1]);
        assertEquals(
                MapFit.denseLayer().fit(xy[0], xy[1]).weights()[0][0],
                MapFit.denseLayer().fit(xy[0], xy[1]).weights()[0][0],
                0,
                "seeded: the same start, the same map");
    }

    @Test
    void validatedRidgeKeepsAnExactMapAlmostUnpenalised() {
        CodeMatrix[] xy = pairs(40, false);
        RidgeValidation validation = RidgeValidation.of(xy[0], xy[1]);
        assertEquals(1e-6, validation.bestFactor(), 1e-12, "exact data: the smallest penalty of the grid");
        assertEquals(0, validation.bestError(), 1e-6);
        LinearMap map = MapFit.validatedRidge().fit(xy[0], xy[1]);
        for (int k = 0; k < 3; k++) {
            assertArrayEquals(W[k], map.weights()[k], 1e-4);
        }
        assertTrue(map.fit().startsWith("ridge "), map.fit());
        assertEquals("ridge, validated", MapFit.validatedRidge().name());
    }

    @Test
    void withFiveFoldsOfOnePairValidationIsLeaveOneOutByHand() {
        float[] x = {1, 2, 3, 4, 5};
        float[] y = {1, 3, 2, 5, 4};
        float[][] source = new float[5][];
        float[][] target = new float[5][];
        for (int i = 0; i < 5; i++) {
            source[i] = new float[] {x[i]};
            target[i] = new float[] {y[i]};
        }
        RidgeValidation validation = RidgeValidation.of(CodeMatrix.ofRows(source), CodeMatrix.ofRows(target));
        double[] lambdas = validation.lambdas();
        double[] errors = validation.errors();
        assertEquals(15, lambdas.length, "1e-6 to 10 by half decades");
        assertEquals(55.0 / 1 * 1e-6, lambdas[0], 1e-15, "scale: sum of x^2 over one variable = 55");
        for (int g = 0; g < lambdas.length; g++) {
            double expected = 0;
            for (int i = 0; i < 5; i++) {
                // w fitted without point i: sum(x y) / (sum(x^2) + lambda) over the other four
                double w = (53.0 - x[i] * y[i]) / (55.0 - x[i] * x[i] + lambdas[g]);
                expected += Math.pow(x[i] * w - y[i], 2) / 5;
            }
            assertEquals(expected, errors[g], 1e-9, "penalty " + lambdas[g]);
        }
    }

    @Test
    void validatedRidgeBeatsLeastSquaresWhenPointsBarelyDetermineTheMap() {
        // 30 points, 25 source variables of which 3 carry the target (plus noise): least squares is nearly
        // interpolating; the validated penalty generalises better to fresh codes
        SplittableRandom random = new SplittableRandom(11);
        int p = 25;
        CodeMatrix[] fit = noisy(30, p, random);
        CodeMatrix[] fresh = noisy(2000, p, random);
        LinearMap ls = MapFit.leastSquares().fit(fit[0], fit[1]);
        LinearMap ridge = MapFit.validatedRidge().fit(fit[0], fit[1]);
        double lsError = error(ls, fresh);
        double ridgeError = error(ridge, fresh);
        assertTrue(RidgeValidation.of(fit[0], fit[1]).bestFactor() > 1e-6, "a real penalty is chosen");
        assertTrue(ridgeError < 0.8 * lsError, "ridge " + ridgeError + " against least squares " + lsError);
    }

    @Test
    void validationNeedsAPairPerFold() {
        CodeMatrix[] xy = pairs(4, false);
        var error = assertThrows(
                IllegalArgumentException.class, () -> MapFit.kFoldRidge().fit(xy[0], xy[1]));
        assertEquals(
                "4 source and 4 target codes: choosing a ridge penalty by 5-fold validation needs at least 5 pairs"
                        + " of codes of the same images",
                error.getMessage());
    }

    private static CodeMatrix[] noisy(int n, int p, SplittableRandom random) {
        float[][] x = new float[n][p];
        float[][] y = new float[n][2];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < p; k++) {
                x[i][k] = (float) random.nextGaussian();
            }
            for (int j = 0; j < 2; j++) {
                double z = 0.5 * random.nextGaussian();
                for (int k = 0; k < 3; k++) {
                    z += x[i][k] * W[k][j];
                }
                y[i][j] = (float) z;
            }
        }
        return new CodeMatrix[] {CodeMatrix.ofRows(x), CodeMatrix.ofRows(y)};
    }

    private static double error(LinearMap map, CodeMatrix[] xy) {
        CodeMatrix mapped = map.apply(xy[0]);
        double sum = 0;
        for (int i = 0; i < mapped.size(); i++) {
            for (int j = 0; j < mapped.width(); j++) {
                sum += Math.pow(mapped.get(i, j) - xy[1].get(i, j), 2);
            }
        }
        return sum / (mapped.size() * mapped.width());
    }
}
