package org.latentmap.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.latentmap.zoo.ModelFamily;

class ModelShapesTest {
    private static NDManager manager;

    @BeforeAll
    static void start() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    @ParameterizedTest
    @MethodSource("org.latentmap.zoo.ModelFamilies#builtIn")
    void encodeGivesCodesAndDecodeGivesImagesInTheUnitRange(ModelFamily family) {
        LatentModel model = family.create("m", manager, new Shape(1, 32, 32), 1);
        assertEquals(family.latentSize(), model.latentSize());
        NDArray images = manager.randomUniform(0, 1, new Shape(3, 1, 32, 32));
        NDArray codes = model.encode(images);
        assertEquals(new Shape(3, family.latentSize()), codes.getShape());
        NDArray decoded = model.decode(codes);
        assertEquals(new Shape(3, 1, 32, 32), decoded.getShape());
        assertTrue(decoded.min().getFloat() >= 0 && decoded.max().getFloat() <= 1, "sigmoid output");
        assertEquals(new Shape(5, 1, 32, 32), model.sample(manager, 5).getShape());
    }

    @Test
    void theLatentSizesAreThePapers() {
        assertEquals(64, ModelFamily.VAE.latentSize());
        assertEquals(64, ModelFamily.GAN.latentSize());
        assertEquals(150, ModelFamily.SPLIT_VAE.latentSize());
    }

    @ParameterizedTest
    @MethodSource("org.latentmap.zoo.ModelFamilies#builtIn")
    void colourImagesOfCelebASizeWork(ModelFamily family) {
        LatentModel model = family.create("m", manager, new Shape(3, 64, 64), 1);
        NDArray images = manager.randomUniform(0, 1, new Shape(2, 3, 64, 64));
        NDArray codes = model.encode(images);
        assertEquals(new Shape(2, family.latentSize()), codes.getShape());
        assertEquals(new Shape(2, 3, 64, 64), model.decode(codes).getShape());
        assertEquals(new Shape(3, 3, 64, 64), model.sample(manager, 3).getShape());
    }

    @Test
    void celebASizeAddsAStageAndFashionMnistSizeKeepsThree() {
        assertEquals(3, ImageShapes.stages(new Shape(1, 32, 32)));
        assertEquals(4, ImageShapes.codeSide(new Shape(1, 32, 32)));
        assertArrayEquals(new int[] {32, 64, 128}, ImageShapes.widths(new Shape(1, 32, 32), 32));
        assertEquals(4, ImageShapes.stages(new Shape(3, 64, 64)));
        assertEquals(4, ImageShapes.codeSide(new Shape(3, 64, 64)));
        assertArrayEquals(new int[] {32, 64, 128, 256}, ImageShapes.widths(new Shape(3, 64, 64), 32));
        assertEquals(3, ImageShapes.stages(new Shape(1, 16, 16)), "small test images keep three stages");
        assertEquals(5, ImageShapes.stages(new Shape(3, 128, 128)));
    }

    @Test
    void splitVaeMixesItsTwoImagesByTheMask() {
        NDArray first = manager.create(new float[] {1, 1, 1, 1}, new Shape(1, 1, 2, 2));
        NDArray second = manager.create(new float[] {0, 0, 0.5f, 0.5f}, new Shape(1, 1, 2, 2));
        NDArray mask = manager.create(new float[] {1, 0, 0.5f, 0.25f}, new Shape(1, 1, 2, 2));
        // m * a + (1 - m) * b: 1, 0, 0.5 + 0.25, 0.25 + 0.375
        assertArrayEquals(
                new float[] {1, 0, 0.75f, 0.625f},
                SplitVae.combine(new NDList(first, second, mask)).toFloatArray(),
                1e-6f);
    }

    @Test
    void splitVaeDecoderEmitsTwoImagesAndAMask() {
        SplitVae model = (SplitVae) ModelFamily.SPLIT_VAE.create("m", manager, new Shape(3, 32, 32), 1);
        NDList parts = model.parts(manager.randomNormal(new Shape(2, 150)), false);
        assertEquals(new Shape(2, 3, 32, 32), parts.get(0).getShape());
        assertEquals(new Shape(2, 3, 32, 32), parts.get(1).getShape());
        assertEquals(new Shape(2, 1, 32, 32), parts.get(2).getShape());
    }

    @Test
    void anImageSizeTheNetworksCannotTakeIsRefusedWithTheSizesTheyCan() {
        var error = assertThrows(
                IllegalArgumentException.class, () -> ModelFamily.VAE.create("m", manager, new Shape(1, 28, 28), 1));
        assertTrue(error.getMessage().contains("divisible by 8"), error.getMessage());
        assertTrue(error.getMessage().contains("(1, 28, 28)"), error.getMessage());
    }

    @Test
    void familiesParseFromTheirKeys() {
        assertEquals(ModelFamily.SPLIT_VAE, ModelFamily.parse("split-vae"));
        assertEquals(ModelFamily.GAN, ModelFamily.parse(" GAN "));
        assertEquals(ModelFamily.STYLE_GAN, ModelFamily.parse("style-gan"));
        var error = assertThrows(IllegalArgumentException.class, () -> ModelFamily.parse("flow"));
        assertTrue(error.getMessage().contains("use one of vae, gan, split-vae, style-gan"), error.getMessage());
    }
}
