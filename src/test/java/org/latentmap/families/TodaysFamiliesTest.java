package org.latentmap.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.latentmap.engine.GradMode;
import org.latentmap.model.LatentModel;
import org.latentmap.model.diffusion.Diffusion;
import org.latentmap.train.Trainable;
import org.latentmap.train.TrainingPlan;
import org.latentmap.zoo.ModelFamily;

/**
 * The flow and the diffusion model at CelebA's size (3x64x64, what a user brings; the walkthrough's own data are
 * 1x32x32): a code of one variable per pixel, a drawing of the image's shape, a training step with a finite loss,
 * and the flow's code still the image's exact inverse.
 */
class TodaysFamiliesTest {
    private static final Shape CELEBA = new Shape(3, 64, 64);

    static List<ModelFamily> families() {
        return TodaysFamilies.all();
    }

    @ParameterizedTest
    @MethodSource("families")
    void colourImagesOfCelebASizeEncodeDecodeAndTrain(ModelFamily family) {
        GradMode.offForThisThread();
        try (NDManager manager = NDManager.newBaseManager()) {
            LatentModel model = family.create("m", manager, CELEBA, 1);
            if (model instanceof Diffusion diffusion) {
                model = diffusion.withSteps(2); // each DDIM step is a U-Net pass: the shapes need two
            }
            assertEquals(3 * 64 * 64, model.latentSize());
            NDArray images = pixels(manager, 2);
            NDArray codes = model.encode(images);
            assertEquals(new Shape(2, 3 * 64 * 64), codes.getShape());
            assertEquals(new Shape(2, 3, 64, 64), model.decode(codes).getShape());
            assertEquals(new Shape(2, 3, 64, 64), model.sample(manager, 2).getShape());
            Trainable training = family.training(model, new TrainingPlan(1, 0, 2, 1e-3, 1, 1));
            double[] losses = training.step(pixels(manager, 2), 0);
            assertTrue(Double.isFinite(losses[0]), family.displayName() + "'s first loss at 64x64: " + losses[0]);
        }
    }

    @Test
    void theFlowsCodeIsStillTheImagesExactInverseAtCelebASize() {
        GradMode.offForThisThread();
        try (NDManager manager = NDManager.newBaseManager()) {
            LatentModel flow = TodaysFamilies.FLOW.create("flow", manager, CELEBA, 1);
            NDArray images = pixels(manager, 2);
            float worst =
                    flow.decode(flow.encode(images)).sub(images).abs().max().getFloat();
            assertTrue(worst < 1e-4, "largest pixel error " + worst);
        }
    }

    /** Images on the 8-bit grid, as decoded photographs are. */
    private static NDArray pixels(NDManager manager, int count) {
        return manager.randomInteger(0, 256, new Shape(count).addAll(CELEBA), DataType.INT32)
                .toType(DataType.FLOAT32, false)
                .div(255f);
    }
}
