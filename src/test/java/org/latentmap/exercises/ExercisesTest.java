package org.latentmap.exercises;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.latentmap.data.ImageSet;
import org.latentmap.linalg.CodeMatrix;
import org.latentmap.model.LatentModel;
import org.latentmap.testing.HandModels;
import org.latentmap.zoo.ModelFamily;
import org.latentmap.zoo.TrainedModel;

class ExercisesTest {
    /** Two-pixel images, their pixels as the code; and a curved code of them, so that support sets differ. */
    private static final TrainedModel IDENTITY = HandModels.scaling("identity", ModelFamily.SPLIT_VAE, 1, 1);

    private static final TrainedModel BENT = HandModels.bent("bent", ModelFamily.VAE);

    @Test
    void solveGivesTheSolutionOfASmallSystemByHand() {
        // 2x + y = 5, x + 3y = 10: x = 1, y = 3; second column: 2x + y = 1, x + 3y = -2 -> x = 1, y = -1
        double[][] x = Matrices.solve(new double[][] {{2, 1}, {1, 3}}, new double[][] {{5, 1}, {10, -2}});
        assertArrayEquals(new double[] {1, 1}, x[0], 1e-12);
        assertArrayEquals(new double[] {3, -1}, x[1], 1e-12);
        // a zero in the first pivot needs a row swap
        double[][] swapped = Matrices.solve(new double[][] {{0, 1}, {1, 0}}, new double[][] {{7}, {4}});
        assertArrayEquals(new double[] {4}, swapped[0], 1e-12);
        assertArrayEquals(new double[] {7}, swapped[1], 1e-12);
        assertTrue(assertThrows(
                        IllegalArgumentException.class,
                        () -> Matrices.solve(new double[][] {{1, 2}, {2, 4}}, new double[][] {{1}, {2}}))
                .getMessage()
                .contains("singular"));
        assertThrows(
                IllegalArgumentException.class, () -> Matrices.solve(new double[][] {{1, 2}}, new double[][] {{1}}));
    }

    @Test
    void aVerdictShowsAsAColouredNoteAndReadsAsText() {
        Verdict no = Verdict.notYet("W is 2 x 3 < 3 x 2");
        assertEquals("✘ Not yet: W is 2 x 3 < 3 x 2", no.toString());
        String html = no.bundle().get("text/html");
        assertTrue(html.contains("✘ Not yet") && html.contains("2 x 3 &lt; 3 x 2") && html.contains("#c62828"), html);
        assertTrue(Verdict.right("fine").bundle().get("text/html").contains("#2e7d32"));
        assertTrue(Verdict.right("fine").correct());
    }

    @Test
    void theNormalEquationsWrittenByHandAreJudgedRight() {
        float[][] z1 = codes(30, 3, 1);
        double[][] known = {{1, -2}, {0.5, 0}, {0, 3}};
        float[][] z2 = new float[30][2];
        SplittableRandom noise = new SplittableRandom(2);
        for (int n = 0; n < 30; n++) {
            for (int j = 0; j < 2; j++) {
                double v = 0;
                for (int i = 0; i < 3; i++) {
                    v += z1[n][i] * known[i][j];
                }
                z2[n][j] = (float) (v + 0.1 * noise.nextGaussian());
            }
        }
        // the normal equations, as a student writes them
        double[][] g = new double[3][3];
        double[][] r = new double[3][2];
        for (float[] row : z1) {
            for (int i = 0; i < 3; i++) {
                for (int k = 0; k < 3; k++) {
                    g[i][k] += row[i] * row[k];
                }
            }
        }
        for (int n = 0; n < 30; n++) {
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 2; j++) {
                    r[i][j] += z1[n][i] * z2[n][j];
                }
            }
        }
        double[][] w = Matrices.solve(g, r);
        Verdict right = MapByHand.check(w, z1, z2);
        assertTrue(right.correct(), right.toString());
        assertTrue(right.toString().startsWith("✔ Correct"));

        // the true weights fit the noisy codes a little worse than least squares: not the answer
        Verdict truth = MapByHand.check(known, z1, z2);
        assertFalse(truth.correct());
        assertTrue(truth.message().contains("least-squares minimum"), truth.message());

        Verdict none = MapByHand.check(null, z1, z2);
        assertFalse(none.correct());
        assertTrue(none.message().contains("null") && none.message().contains("3 x 3"), none.message());

        Verdict transposed = MapByHand.check(new double[][] {{1, 0.5, 0}, {-2, 0, 3}}, z1, z2);
        assertTrue(
                transposed.message().contains("should be 3 x 2, yours is 2 x 3")
                        && transposed.message().contains("transposed"),
                transposed.message());

        double[][] nan = {{Double.NaN, 0}, {0, 0}, {0, 0}};
        assertTrue(MapByHand.check(nan, z1, z2).message().contains("NaN"));
    }

    @Test
    void aSquareMapGivenTransposedIsToldSo() {
        float[][] z1 = codes(20, 2, 3);
        double[][] known = {{1, 2}, {-1, 0.5}};
        float[][] z2 = new float[20][2];
        for (int n = 0; n < 20; n++) {
            for (int j = 0; j < 2; j++) {
                z2[n][j] = (float) (z1[n][0] * known[0][j] + z1[n][1] * known[1][j]);
            }
        }
        assertTrue(MapByHand.check(known, z1, z2).correct(), "an exact map is the least-squares map");
        Verdict t = MapByHand.check(new double[][] {{1, -1}, {2, 0.5}}, z1, z2);
        assertFalse(t.correct());
        assertTrue(t.message().contains("transpose"), t.message());
    }

    @Test
    void theBrightnessVariableIsFoundAndNearTiesAreBothRight() {
        // mean pixel = 0.1 c0 + 0.095 c1; c2 moves the two pixels in opposite directions (no brightness change)
        LatentModel model = new LatentModel() {
            public String name() {
                return "brightness";
            }

            public int latentSize() {
                return 3;
            }

            public NDArray encode(NDArray images) {
                // the exact inverse on decoded images: c0 from the mean pixel, c2 from the pixels' difference, c1 = 0
                NDArray x = images.reshape(images.getShape().get(0), 2);
                NDArray p0 = x.get(":, 0:1");
                NDArray p1 = x.get(":, 1:2");
                return p0.add(p1)
                        .div(2f)
                        .sub(0.5f)
                        .div(0.1f)
                        .concat(p0.zerosLike(), 1)
                        .concat(p0.sub(p1).div(0.4f), 1);
            }

            public NDArray decode(NDArray codes) {
                long n = codes.getShape().get(0);
                NDArray weights = codes.getManager()
                        .create(new float[] {0.1f, 0.1f, 0.095f, 0.095f, 0.2f, -0.2f}, new Shape(3, 2));
                return codes.matMul(weights).add(0.5f).reshape(new Shape(n, 1, 1, 2));
            }
        };
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray code = m.create(new float[] {1.5f, 0, -2}, new Shape(1, 3));
            assertArrayEquals(
                    new float[] {1.5f, 0, -2},
                    model.encode(model.decode(code)).toFloatArray(),
                    1e-5f,
                    "encode inverts decode");
        }
        VisualFactor brightness =
                VisualFactor.brightness(model, CodeMatrix.ofRows(new float[][] {{0, 0, 0}, {1, -1, 0.5f}}));
        Verdict zero = brightness.check(0);
        assertTrue(zero.correct(), zero.toString());
        // |0.1 x 4.5| = 0.45 on average, rank 1 of 3
        assertTrue(zero.message().contains("0.4500") && zero.message().contains("rank 1 of 3"), zero.message());
        assertTrue(brightness.check(1).correct(), "0.4275 is 95% of the strongest: a near tie");
        Verdict two = brightness.check(2);
        assertFalse(two.correct());
        assertTrue(two.message().contains("rank 3 of 3") && two.message().contains("0.4500"), two.message());
        assertTrue(brightness.check(-1).message().contains("placeholder"));
        assertTrue(brightness.check(3).message().contains("[0, 3)"));
        assertThrows(
                IllegalArgumentException.class, () -> VisualFactor.brightness(model, CodeMatrix.of(new float[0], 3)));
    }

    @Test
    void aSupportSetBeatsRandomWhenItsTestErrorIsBelowTheRandomSetsMean() {
        ImageSet train = HandModels.images(200, 5);
        ImageSet test = HandModels.images(60, 6);
        SupportChallenge challenge = SupportChallenge.of(train, test, IDENTITY, BENT, 20);
        double[] random = challenge.randomErrors();
        assertEquals(5, random.length);
        double mean = Arrays.stream(random).average().orElseThrow();
        assertTrue(
                Arrays.stream(random).distinct().count() > 1,
                "a curved target makes sets differ: " + Arrays.toString(random));
        int best = 0;
        int worst = 0;
        for (int s = 1; s < 5; s++) {
            best = random[s] < random[best] ? s : best;
            worst = random[s] > random[worst] ? s : worst;
        }
        Verdict good = challenge.check(challenge.randomSet(best + 1));
        assertEquals(random[best] < mean, good.correct(), good.toString());
        assertTrue(good.correct(), "the best of five random sets lies below their mean: " + good);
        assertTrue(good.message().contains(String.format(Locale.ROOT, "%.5f", random[best])), good.message());
        Verdict bad = challenge.check(challenge.randomSet(worst + 1));
        assertFalse(bad.correct(), bad.toString());
        assertTrue(bad.message().contains("validate("), bad.message());

        assertTrue(challenge.check(null).message().contains("null"));
        assertTrue(challenge.check(new int[] {1, 2}).message().contains("exactly 20"));
        int[] outside = challenge.randomSet(1);
        outside[3] = 200;
        assertTrue(challenge.check(outside).message().contains("[0, 200)"));
        int[] repeated = challenge.randomSet(1);
        repeated[1] = repeated[0];
        assertTrue(challenge.check(repeated).message().contains("1 of your indices repeat"));
        assertThrows(IllegalArgumentException.class, () -> challenge.validate(repeated));
        assertTrue(challenge.validate(challenge.randomSet(1)) > 0);
        assertEquals(100, challenge.validationSize(), "half of 200 training images");
        assertThrows(IllegalArgumentException.class, () -> SupportChallenge.of(train, test, IDENTITY, BENT, 201));
    }

    private static float[][] codes(int n, int size, int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] codes = new float[n][size];
        for (float[] row : codes) {
            for (int i = 0; i < size; i++) {
                row[i] = (float) random.nextGaussian();
            }
        }
        return codes;
    }
}
