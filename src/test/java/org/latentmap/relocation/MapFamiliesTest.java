package org.latentmap.relocation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentmap.testing.HandModels.images;
import static org.latentmap.testing.HandModels.scaling;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.latentmap.data.ImageSet;
import org.latentmap.linalg.CodeMatrix;
import org.latentmap.studies.MapFamilyComparison;
import org.latentmap.studies.SupportSizeStudy;
import org.latentmap.support.SupportSet;
import org.latentmap.support.SupportStrategy;
import org.latentmap.zoo.ModelFamily;
import org.latentmap.zoo.TrainedModel;

class MapFamiliesTest {

    /** n x p codes with columns of mean exactly 0 and covariance exactly I (Gram-Schmidt on centred noise). */
    static double[][] whitened(int n, int p, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] columns = new double[p][n];
        for (int k = 0; k < p; k++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                columns[k][i] = random.nextGaussian();
                mean += columns[k][i] / n;
            }
            for (int i = 0; i < n; i++) {
                columns[k][i] -= mean;
            }
            for (int j = 0; j < k; j++) {
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += columns[k][i] * columns[j][i];
                }
                for (int i = 0; i < n; i++) {
                    columns[k][i] -= dot / n * columns[j][i];
                }
            }
            double norm = 0;
            for (int i = 0; i < n; i++) {
                norm += columns[k][i] * columns[k][i];
            }
            for (int i = 0; i < n; i++) {
                columns[k][i] *= Math.sqrt(n / norm);
            }
        }
        double[][] rows = new double[n][p];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < p; k++) {
                rows[i][k] = columns[k][i];
            }
        }
        return rows;
    }

    /** A random orthogonal matrix: Gram-Schmidt on the rows of Gaussian noise. */
    static double[][] rotation(int p, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] q = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int k = 0; k < p; k++) {
                q[i][k] = random.nextGaussian();
            }
            for (int j = 0; j < i; j++) {
                double dot = 0;
                for (int k = 0; k < p; k++) {
                    dot += q[i][k] * q[j][k];
                }
                for (int k = 0; k < p; k++) {
                    q[i][k] -= dot * q[j][k];
                }
            }
            double norm = 0;
            for (int k = 0; k < p; k++) {
                norm += q[i][k] * q[i][k];
            }
            for (int k = 0; k < p; k++) {
                q[i][k] /= Math.sqrt(norm);
            }
        }
        return q;
    }

    static CodeMatrix times(double[][] x, double[][] m, double[] scale, double[] shift) {
        float[][] out = new float[x.length][m[0].length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < m[0].length; j++) {
                double sum = 0;
                for (int k = 0; k < m.length; k++) {
                    sum += x[i][k] * m[k][j];
                }
                out[i][j] = (float) (sum * scale[j] + shift[j]);
            }
        }
        return CodeMatrix.ofRows(out);
    }

    @Test
    void procrustesRecoversAKnownRotationWithTheSpacesScalesAndShifts() {
        double[][] x = whitened(200, 3, 1);
        double[][] q = rotation(3, 2);
        double[][] identity = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        // source: whitened codes scaled by (2, 1, 0.5) and shifted; target: the rotated codes scaled by (3, 3, 1),
        // shifted
        CodeMatrix source = times(x, identity, new double[] {2, 1, 0.5}, new double[] {1, -1, 0});
        CodeMatrix target = times(x, q, new double[] {3, 3, 1}, new double[] {0.5, 0, 2});
        LinearMap map = MapFit.procrustes().fit(source, target);
        double[][] w = map.weights();
        double[] s1 = {2, 1, 0.5};
        double[] s2 = {3, 3, 1};
        for (int k = 0; k < 3; k++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(q[k][j] * s2[j] / s1[k], w[k][j], 1e-4, "weight " + k + "," + j);
            }
        }
        CodeMatrix mapped = map.apply(source);
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(target.row(i), mapped.row(i), 1e-4f);
        }
        assertEquals("orthogonal Procrustes (standardised)", map.fit());
    }

    @Test
    void procrustesBetweenSpacesOfDifferentSizesUsesTheZeroPaddedRotation() {
        double[][] x = whitened(300, 3, 3);
        double[][] q = rotation(3, 4);
        double[][] firstTwo = {{q[0][0], q[0][1]}, {q[1][0], q[1][1]}, {q[2][0], q[2][1]}};
        CodeMatrix big =
                times(x, new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, new double[] {1, 1, 1}, new double[3]);
        // the target keeps two of the rotated variables; its columns are whitened too (orthonormal columns of q)
        CodeMatrix small = times(x, firstTwo, new double[] {1, 1}, new double[2]);
        LinearMap down = MapFit.procrustes().fit(big, small);
        for (int k = 0; k < 3; k++) {
            assertArrayEquals(firstTwo[k], down.weights()[k], 1e-4);
        }
        LinearMap up = MapFit.procrustes().fit(small, big);
        // padded the other way: the map sends the small codes back along the same two directions
        for (int k = 0; k < 2; k++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(q[j][k], up.weights()[k][j], 1e-4);
            }
        }
    }

    @Test
    void theResidualNetworkLearnsWhatTheLinearMapMisses() {
        SplittableRandom random = new SplittableRandom(5);
        int n = 3000;
        float[][] source = new float[n][2];
        float[][] target = new float[n][1];
        for (int i = 0; i < n; i++) {
            source[i][0] = (float) random.nextGaussian();
            source[i][1] = (float) random.nextGaussian();
            // linear part plus a bend no linear map can follow
            target[i][0] = (float) (0.5 * source[i][0] - source[i][1] + Math.abs(source[i][0]));
        }
        CodeMatrix fitSource = CodeMatrix.ofRows(Arrays.copyOf(source, 2500));
        CodeMatrix fitTarget = CodeMatrix.ofRows(Arrays.copyOf(target, 2500));
        CodeMatrix testSource = CodeMatrix.ofRows(Arrays.copyOfRange(source, 2500, n));
        CodeMatrix testTarget = CodeMatrix.ofRows(Arrays.copyOfRange(target, 2500, n));
        ResidualMlpMap residual =
                ResidualMlpFit.standard().hidden(32).steps(1500).fit(fitSource, fitTarget);
        double linearError = mse(residual.linear().apply(testSource), testTarget);
        double residualError = mse(residual.apply(testSource), testTarget);
        assertTrue(linearError > 0.2, "a linear map misses |x0|: " + linearError);
        assertTrue(
                residualError < 0.2 * linearError,
                "linear " + linearError + ", with residual network " + residualError);
        assertEquals("ridge, validated + residual MLP (32)", residual.fit());
        // on three points nothing is held out for early stopping, and nothing breaks
        ResidualMlpMap tiny = ResidualMlpFit.standard()
                .linearPart(MapFit.leastSquares())
                .steps(50)
                .fit(CodeMatrix.ofRows(Arrays.copyOf(source, 3)), CodeMatrix.ofRows(Arrays.copyOf(target, 3)));
        assertEquals(1, tiny.apply(testSource).width());
        var error = assertThrows(
                IllegalArgumentException.class, () -> ResidualMlpFit.standard().hidden(0));
        assertEquals(
                "a residual network needs hidden units, steps and batch size >= 1 and a learning rate > 0; got 0, 2000, 256, 0.001",
                error.getMessage());
    }

    private static double mse(CodeMatrix a, CodeMatrix b) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < a.size(); i++) {
            for (int j = 0; j < a.width(); j++) {
                sum += (a.get(i, j) - b.get(i, j)) * (a.get(i, j) - b.get(i, j));
                count++;
            }
        }
        return sum / count;
    }

    @Test
    void theComparisonRunsEveryFitOnEveryPairAndLeavesOutTheImpossible() {
        TrainedModel a = scaling("A", ModelFamily.VAE, 1, 1);
        TrainedModel b = scaling("B", ModelFamily.VAE, 2, -1);
        ImageSet train = images(40, 1);
        Relocations relocations = Relocations.on(train, images(20, 2)).batches(10);
        var comparison = MapFamilyComparison.run(
                relocations,
                List.<TrainedModel[]>of(new TrainedModel[] {a, b}, new TrainedModel[] {b, a}),
                List.of(MapFit.leastSquares(), MapFit.procrustes(), MapFit.affine()),
                List.of(FitPoints.supportSet(SupportSet.of(3)), FitPoints.allOf(train)));
        // least squares and affine cannot be fitted on one point, Procrustes cannot standardise one point: 6 left out
        assertEquals(6, comparison.relocations().size());
        var table = comparison.table();
        assertEquals(6, table.rowCount());
        assertEquals("VAE -> VAE", table.stringColumn("families").get(0));
        for (double m : table.doubleColumn("M-MSE").asDoubleArray()) {
            assertEquals(0, m, 1e-9, "linearly related spaces");
        }
        var winners = comparison.winners();
        assertEquals(1, winners.rowCount());
        assertEquals("all data (40)", winners.stringColumn("fitted on").get(0));
        var best = comparison.best();
        assertEquals(
                List.of("A -> B", "B -> A"),
                best.stream().map(MapFamilyComparison.Best::pair).toList(),
                "one best fit per pair and set of points, in the order they ran");
        assertEquals("all data (40)", best.get(0).fittedOn());
        assertEquals("2 of 2", winners.stringColumn("pairs won").get(0), "both pairs' best counted");
    }

    @Test
    void theSizeStudyFitsEveryStrategySizeAndSeedAndComparesWithAllData() {
        TrainedModel a = scaling("A", ModelFamily.VAE, 1, 1);
        TrainedModel b = scaling("B", ModelFamily.GAN, 2, -1);
        ImageSet train = images(50, 3);
        Relocations relocations = Relocations.on(train, images(20, 4)).batches(10);
        var study = SupportSizeStudy.run(
                relocations,
                a,
                b,
                MapFit.leastSquares(),
                List.of(
                        SupportStrategy.random(train.size()),
                        SupportStrategy.farthestPoint(CodeMatrix.ofRows(codes(train)))),
                new int[] {2, 4, 8},
                3);
        assertEquals(6, study.points().size());
        assertEquals(List.of("random", "farthest point"), study.strategies());
        assertEquals(3, study.points().get(0).relocations().size(), "three seeds");
        assertEquals(0, study.allData().mMseMean(), 1e-9);
        assertEquals(
                2,
                study.sizeMatchingAllData("random", 1e9),
                "every size matches within a huge tolerance: the smallest");
        var table = study.table();
        assertEquals(7, table.rowCount());
        assertEquals("all data", table.stringColumn("strategy").get(6));
        assertEquals(50, table.intColumn("size").get(6));
        var error = assertThrows(IllegalArgumentException.class, () -> study.of("sectors"));
        assertEquals("no strategy \"sectors\" in this study; it has [random, farthest point]", error.getMessage());
    }

    private static float[][] codes(ImageSet images) {
        float[][] out = new float[images.size()][];
        for (int i = 0; i < images.size(); i++) {
            out[i] = images.image(i);
        }
        return out;
    }
}
