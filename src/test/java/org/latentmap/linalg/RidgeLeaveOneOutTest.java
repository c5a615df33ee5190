package org.latentmap.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class RidgeLeaveOneOutTest {
    private static final float[][] SOURCE = {{1, 0}, {0, 2}, {1, 1}, {-1, 0.5f}, {2, -1}};
    private static final float[][] TARGET = {{1, 0.5f}, {1.5f, -1}, {2, 0}, {-0.5f, 1}, {1, 2}};

    /** Ridge without bias on the rows other than {@code out}, by the 2 x 2 normal equations written out. */
    private static double[][] ridgeWithout(int out, double lambda) {
        double a = lambda;
        double b = 0;
        double d = lambda;
        double[][] c = new double[2][2];
        for (int i = 0; i < SOURCE.length; i++) {
            if (i == out) {
                continue;
            }
            double x0 = SOURCE[i][0];
            double x1 = SOURCE[i][1];
            a += x0 * x0;
            b += x0 * x1;
            d += x1 * x1;
            for (int j = 0; j < 2; j++) {
                c[0][j] += x0 * TARGET[i][j];
                c[1][j] += x1 * TARGET[i][j];
            }
        }
        double det = a * d - b * b;
        double[][] w = new double[2][2];
        for (int j = 0; j < 2; j++) {
            w[0][j] = (d * c[0][j] - b * c[1][j]) / det;
            w[1][j] = (a * c[1][j] - b * c[0][j]) / det;
        }
        return w;
    }

    @Test
    void leaveOneOutEqualsRefittingWithoutEachPointOnFivePoints() {
        RidgeValidation validation = RidgeValidation.leaveOneOut(CodeMatrix.ofRows(SOURCE), CodeMatrix.ofRows(TARGET));
        assertEquals("leave-one-out", validation.scheme());
        double[] lambdas = validation.lambdas();
        double[] errors = validation.errors();
        for (int g = 0; g < lambdas.length; g++) {
            double sum = 0;
            for (int out = 0; out < SOURCE.length; out++) {
                double[][] w = ridgeWithout(out, lambdas[g]);
                for (int j = 0; j < 2; j++) {
                    double predicted = SOURCE[out][0] * w[0][j] + SOURCE[out][1] * w[1][j];
                    sum += Math.pow(TARGET[out][j] - predicted, 2);
                }
            }
            double byHand = sum / (SOURCE.length * 2);
            assertEquals(byHand, errors[g], 1e-9 * byHand, "penalty " + lambdas[g]);
        }
        assertTrue(validation.toString().contains("by leave-one-out validation"), validation.toString());
    }

    @Test
    void theDualFormGivesTheHandComputedRefitsToo() {
        DMatrixRMaj x = CodeProducts.matrix(CodeMatrix.ofRows(SOURCE), false);
        DMatrixRMaj y = CodeProducts.matrix(CodeMatrix.ofRows(TARGET), false);
        RidgeValidation primal = RidgeValidation.leaveOneOutPrimal(x, y);
        RidgeValidation dual = RidgeValidation.leaveOneOutDual(x, y);
        assertArrayEquals(primal.lambdas(), dual.lambdas(), 1e-12);
        for (int g = 0; g < primal.errors().length; g++) {
            assertEquals(primal.errors()[g], dual.errors()[g], 1e-9 * primal.errors()[g], "penalty " + g);
        }
    }

    @Test
    void withMoreVariablesThanPointsTheDualFormEqualsThePrimal() {
        Random random = new Random(3);
        float[][] source = new float[12][40];
        float[][] target = new float[12][5];
        for (int i = 0; i < 12; i++) {
            for (int k = 0; k < 40; k++) {
                source[i][k] = (float) random.nextGaussian();
            }
            for (int j = 0; j < 5; j++) {
                target[i][j] = source[i][j] - 0.5f * source[i][j + 7] + 0.1f * (float) random.nextGaussian();
            }
        }
        DMatrixRMaj x = CodeProducts.matrix(CodeMatrix.ofRows(source), false);
        DMatrixRMaj y = CodeProducts.matrix(CodeMatrix.ofRows(target), false);
        RidgeValidation primal = RidgeValidation.leaveOneOutPrimal(x, y);
        RidgeValidation chosen = RidgeValidation.leaveOneOut(x, y);
        for (int g = 0; g < primal.errors().length; g++) {
            assertEquals(primal.errors()[g], chosen.errors()[g], 1e-8 * primal.errors()[g], "penalty " + g);
        }
        assertEquals(primal.bestLambda(), chosen.bestLambda(), 1e-12);
    }

    @Test
    void withAWiderTargetTheQuadraticFormsEqualThePrimal() {
        Random random = new Random(5);
        float[][] source = new float[30][6];
        float[][] target = new float[30][50];
        for (int i = 0; i < 30; i++) {
            for (int k = 0; k < 6; k++) {
                source[i][k] = (float) random.nextGaussian();
            }
            source[i][5] = source[i][0] - source[i][1]; // one direction without spread of its own
            for (int j = 0; j < 50; j++) {
                target[i][j] = source[i][j % 5] * (1 + j % 3) + 0.3f * (float) random.nextGaussian();
            }
        }
        DMatrixRMaj x = CodeProducts.matrix(CodeMatrix.ofRows(source), false);
        DMatrixRMaj y = CodeProducts.matrix(CodeMatrix.ofRows(target), false);
        RidgeValidation primal = RidgeValidation.leaveOneOutPrimal(x, y);
        RidgeValidation wide = RidgeValidation.leaveOneOutWideTarget(x, y);
        RidgeValidation chosen = RidgeValidation.leaveOneOut(x, y);
        for (int g = 0; g < primal.errors().length; g++) {
            assertEquals(primal.errors()[g], wide.errors()[g], 1e-8 * primal.errors()[g], "penalty " + g);
            assertEquals(wide.errors()[g], chosen.errors()[g], 0, "the wide form is the one chosen");
        }
    }

    @Test
    void oneExactPairIsTooFewToLeaveOneOut() {
        var error = assertThrows(
                IllegalArgumentException.class,
                () -> RidgeValidation.leaveOneOut(
                        CodeMatrix.ofRows(new float[][] {{1, 2}}), CodeMatrix.ofRows(new float[][] {{3}})));
        assertEquals(
                "1 source and 1 target codes: choosing a ridge penalty by leaving one out needs at least 2 pairs"
                        + " of codes of the same images",
                error.getMessage());
    }
}
