package org.latentmap.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LossesTest {

    @Test
    void squaredErrorIsSummedOverPixelsAndAveragedOverTheBatch() {
        try (NDManager m = NDManager.newBaseManager()) {
            var x = m.create(new float[] {0, 0, 1, 1}, new Shape(2, 1, 1, 2));
            var y = m.create(new float[] {1, 0, 1, 0.5f}, new Shape(2, 1, 1, 2));
            // image 1: 1 + 0, image 2: 0 + 0.25 -> mean 0.625
            assertEquals(0.625f, Losses.sumSquaredError(x, y).getFloat(), 1e-6f);
            assertEquals(0.3125f, Losses.meanSquaredError(x, y).getFloat(), 1e-6f);
        }
    }

    @Test
    void klOfTheStandardNormalIsZeroAndGrowsAwayFromIt() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertEquals(
                    0f,
                    Losses.kl(m.zeros(new Shape(3, 4)), m.zeros(new Shape(3, 4)))
                            .getFloat(),
                    1e-7f);
            // one sample, mean (1, 0), log var (0, ln 2): 0.5 * [(1 + 1 - 1 - 0) + (0 + 2 - 1 - ln 2)]
            var mean = m.create(new float[] {1, 0}, new Shape(1, 2));
            var logVar = m.create(new float[] {0, (float) Math.log(2)}, new Shape(1, 2));
            assertEquals(0.5 * (1 + 1 - Math.log(2)), Losses.kl(mean, logVar).getFloat(), 1e-6);
        }
    }

    @Test
    void binaryCrossEntropyMatchesTheFormulaAndStaysFiniteForLargeLogits() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertEquals(
                    Math.log(2),
                    Losses.binaryCrossEntropy(m.zeros(new Shape(4, 1)), 1f).getFloat(),
                    1e-6);
            // logit 2, target 1: -log sigmoid(2) = log(1 + e^-2); target 0: -log(1 - sigmoid(2)) = log(1 + e^2)
            var two = m.create(new float[] {2}, new Shape(1, 1));
            assertEquals(
                    Math.log1p(Math.exp(-2)), Losses.binaryCrossEntropy(two, 1f).getFloat(), 1e-6);
            assertEquals(
                    Math.log1p(Math.exp(2)), Losses.binaryCrossEntropy(two, 0f).getFloat(), 1e-5);
            var huge = m.create(new float[] {-500, 500}, new Shape(2, 1));
            assertEquals(250f, Losses.binaryCrossEntropy(huge, 1f).getFloat(), 1e-3f);
        }
    }

    @Test
    void reparameterisationScalesNoiseByTheStandardDeviation() {
        try (NDManager m = NDManager.newBaseManager()) {
            var mean = m.create(new float[] {1, -1});
            var logVar = m.create(new float[] {0, (float) Math.log(4)});
            var noise = m.create(new float[] {0.5f, 0.5f});
            assertArrayEquals(
                    new float[] {1.5f, 0f},
                    Losses.reparameterise(mean, logVar, noise).toFloatArray(),
                    1e-6f);
        }
    }

    @Test
    void gradientsSurviveAGarbageCollectionBetweenForwardAndBackward() throws Exception {
        // Constants of recorded products must stay alive until the backward pass (Tensors.scalar): here the
        // collector runs and the freed small blocks are refilled with garbage before backward.
        try (NDManager m = NDManager.newBaseManager()) {
            var mean = m.create(new float[] {1, -2, 0.5f, 3}, new Shape(2, 2));
            var logVar = m.create(new float[] {0, 0.4f, -1, 0.2f}, new Shape(2, 2));
            var noise = m.create(new float[] {0.3f, -1, 2, 0.7f}, new Shape(2, 2));
            mean.setRequiresGradient(true);
            logVar.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray loss = Losses.kl(mean, logVar)
                        .add(Losses.reparameterise(mean, logVar, noise).sum())
                        .add(Losses.binaryCrossEntropy(mean, 1f))
                        .add(Losses.sumSquaredError(mean, noise));
                List<java.nio.ByteBuffer> garbage = new ArrayList<>();
                for (int round = 0; round < 3; round++) {
                    System.gc();
                    Thread.sleep(50);
                    for (int i = 0; i < 20_000; i++) {
                        garbage.add(java.nio.ByteBuffer.allocateDirect(4)
                                .order(java.nio.ByteOrder.nativeOrder())
                                .putFloat(0, 1e6f));
                    }
                }
                collector.backward(loss);
                assertEquals(60_000, garbage.size());
            }
            float[] mu = mean.toFloatArray();
            float[] lv = logVar.toFloatArray();
            float[] e = noise.toFloatArray();
            float[] gradMean = mean.getGradient().toFloatArray();
            float[] gradLogVar = logVar.getGradient().toFloatArray();
            for (int i = 0; i < 4; i++) {
                // d/dmu: mu / n (KL) + 1 (sample) + (sigmoid(mu) - 1) / 4 (BCE mean) + 2 (mu - e) / n (SSE)
                double sigmoid = 1 / (1 + Math.exp(-mu[i]));
                assertEquals(
                        mu[i] / 2.0 + 1 + (sigmoid - 1) / 4 + (mu[i] - e[i]),
                        gradMean[i],
                        1e-5,
                        "d loss / d mean[" + i + "]");
                // d/dlogvar: 0.5 (exp(lv) - 1) / n (KL) + 0.5 exp(lv / 2) e (sample)
                assertEquals(
                        0.25 * (Math.exp(lv[i]) - 1) + 0.5 * Math.exp(lv[i] / 2) * e[i],
                        gradLogVar[i],
                        1e-5,
                        "d loss / d logVar[" + i + "]");
            }
        }
    }
}
