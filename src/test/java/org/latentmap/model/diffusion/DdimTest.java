package org.latentmap.model.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.latentmap.train.DiffusionTraining;
import org.latentmap.train.TrainingPlan;

/** DDIM's sampler and inversion against their closed forms on hand-made noise predictors, and the settings refused. */
class DdimTest {
    private static final NoiseSchedule SCHEDULE = NoiseSchedule.ddpm();

    @Test
    void theStridesEndAtTheLastTime() {
        assertArrayEquals(new int[] {249, 499, 749, 999}, SCHEDULE.strides(4));
        assertArrayEquals(new int[] {999}, SCHEDULE.strides(1));
        // alpha-bar by hand: prod (1 - beta), beta_0 = 1e-4, beta_1 = 1e-4 + 0.0199 / 999
        assertEquals(1 - 1e-4, SCHEDULE.alphaBar(0), 1e-15);
        assertEquals((1 - 1e-4) * (1 - 1e-4 - 0.0199 / 999), SCHEDULE.alphaBar(1), 1e-15);
    }

    @Test
    void withAZeroPredictorInversionAndSamplingAreScalings() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.randomUniform(-1f, 1f, new Shape(3, 1, 4, 4));
            Ddim ddim = new Ddim(SCHEDULE, 10);
            Ddim.NoisePredictor zero = (images, t) -> images.zerosLike();
            // eps = 0: each step multiplies by sqrt(ab_to / ab_from), so the product telescopes to sqrt(ab_999)
            double last = Math.sqrt(SCHEDULE.alphaBar(999));
            assertClose(x.mul((float) last), ddim.invert(x, zero), 1e-6);
            assertClose(x.div((float) last), ddim.sample(x, zero), 1e-3);
        }
    }

    @Test
    void withALinearPredictorInversionIsTheProductOfItsSteps() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.randomUniform(-1f, 1f, new Shape(2, 1, 4, 4));
            float k = 0.3f;
            Ddim.NoisePredictor linear = (images, t) -> images.mul(k);
            int[] visited = SCHEDULE.strides(5);
            // by hand: x' = [sqrt(to) (1 - sqrt(1 - from) k) / sqrt(from) + sqrt(1 - to) k] x, from 1 up to ab_999
            double factor = 1;
            double from = 1;
            for (int t : visited) {
                double to = SCHEDULE.alphaBar(t);
                factor *= Math.sqrt(to) * (1 - Math.sqrt(1 - from) * k) / Math.sqrt(from) + Math.sqrt(1 - to) * k;
                from = to;
            }
            assertClose(x.mul((float) factor), new Ddim(SCHEDULE, 5).invert(x, linear), 1e-5);
        }
    }

    @Test
    void badSettingsAreRefusedWithTheirReason() {
        var zero = assertThrows(IllegalArgumentException.class, () -> new Ddim(SCHEDULE, 0));
        assertEquals("DDIM takes between 1 and 1000 steps (the schedule's times); got 0", zero.getMessage());
        var negative = assertThrows(IllegalArgumentException.class, () -> new Ddim(SCHEDULE, -3));
        assertEquals("DDIM takes between 1 and 1000 steps (the schedule's times); got -3", negative.getMessage());
        try (NDManager manager = NDManager.newBaseManager()) {
            Diffusion model = Diffusion.create("d", manager, new Shape(1, 8, 8), 4);
            var fewer = assertThrows(IllegalArgumentException.class, () -> model.withSteps(0));
            assertEquals("DDIM needs at least 1 step; got 0", fewer.getMessage());
            var odd = assertThrows(
                    IllegalArgumentException.class, () -> Diffusion.create("d", manager, new Shape(1, 30, 30), 4));
            assertEquals(
                    "the U-Net halves the image twice, so it needs (C, H, W) images with H and W divisible by 4; got (1, 30, 30)",
                    odd.getMessage());
        }
    }

    @Test
    void theModelEncodesToOneVariablePerPixelAndTrains() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(5);
            Diffusion model =
                    Diffusion.create("d", manager, new Shape(3, 8, 8), 4).withSteps(3);
            DiffusionTraining training = new DiffusionTraining(model, new TrainingPlan(3, 0, 4, 1e-3, 3, 1));
            double[] loss = training.step(manager.randomUniform(0f, 1f, new Shape(4, 3, 8, 8)), 0);
            assertEquals(1, loss.length);
            assertEquals(1.0, loss[0], 0.5, "a fresh predictor's error is about the noise's variance, 1");
            NDArray images = manager.randomUniform(0f, 1f, new Shape(2, 3, 8, 8));
            NDArray codes = model.encode(images);
            assertEquals(new Shape(2, 192), codes.getShape());
            assertEquals(new Shape(2, 3, 8, 8), model.decode(codes).getShape());
        }
    }

    private static void assertClose(NDArray expected, NDArray actual, double tolerance) {
        assertEquals(expected.getShape(), actual.getShape());
        float[] e = expected.toFloatArray();
        float[] a = actual.toFloatArray();
        for (int i = 0; i < e.length; i++) {
            assertEquals(e[i], a[i], tolerance * Math.max(1, Math.abs(e[i])), "element " + i);
        }
    }
}
