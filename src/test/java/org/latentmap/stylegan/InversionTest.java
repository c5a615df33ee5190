package org.latentmap.stylegan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.latentmap.data.ImageSet;
import org.latentmap.model.StyleGan;

class InversionTest {
    @Test
    void imagesTheModelDrawsAreRecoveredAndTheModelIsLeftAsItWas() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(2);
            StyleGan model = StyleGan.create("tiny", manager, new Shape(1, 32, 32), 8);
            ImageSet drawn = ImageSet.of(model.decode(model.samplePrior(manager, 4)));
            int parameters = model.generatorParameters().size();
            var result = Inversion.of(model).steps(150).learningRate(0.05).invert(drawn);
            assertEquals(4, result.codes().length);
            assertEquals(8, result.codes()[0].length);
            assertEquals(4, result.images().size());
            assertEquals(result.error()[1], mse(result.images().image(1), drawn.image(1)), 1e-6, "the images drawn from the codes found");
            assertTrue(result.meanError() < 0.1 * result.meanStartError(), result.toString());
            assertEquals(parameters, model.generatorParameters().size(), "the model's parameters train again afterwards");
            var error = assertThrows(IllegalArgumentException.class, () -> Inversion.of(model).steps(0));
            assertEquals("an inversion needs steps >= 1 and a learning rate > 0; got 0 and 0.05", error.getMessage());
        }
    }

    private static double mse(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return sum / a.length;
    }
}
