package org.latentmap.model.style;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.latentmap.model.Network;

class StyleGanPartsTest {
    private static NDManager manager;

    @BeforeAll
    static void start() {
        manager = NDManager.newBaseManager();
        Engine.getInstance().setRandomSeed(5);
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    @Test
    void adaInGivesEachChannelTheStylesMeanAndSpread() {
        NDArray features = manager.randomNormal(3f, 2f, new Shape(2, 3, 4, 4), DataType.FLOAT32);
        NDArray scale = manager.create(new float[][] {{2, -0.5f, 1}, {0.25f, 3, 1}});
        NDArray shift = manager.create(new float[][] {{0, 1, -2}, {5, 0, 0.5f}});
        NDArray out = AdaIn.apply(features, scale, shift);
        assertEquals(features.getShape(), out.getShape());
        NDArray pixels = out.reshape(2, 3, 16);
        float[] means = pixels.mean(new int[] {2}).toFloatArray();
        float[] spreads = pixels.sub(pixels.mean(new int[] {2}, true))
                .square()
                .mean(new int[] {2})
                .sqrt()
                .toFloatArray();
        assertArrayEquals(new float[] {0, 1, -2, 5, 0, 0.5f}, means, 1e-4f);
        assertArrayEquals(new float[] {2, 0.5f, 1, 0.25f, 3, 1}, spreads, 1e-4f);
    }

    @Test
    void adaInRefusesStylesOfTheWrongShape() {
        NDArray features = manager.zeros(new Shape(2, 3, 4, 4));
        var error = assertThrows(
                IllegalArgumentException.class,
                () -> AdaIn.apply(features, manager.ones(new Shape(2, 4)), manager.zeros(new Shape(2, 4))));
        assertEquals(
                "AdaIN styles must be (N, C) = (2, 3) for features (2, 3, 4, 4); got scale (2, 4) and shift (2, 4)",
                error.getMessage());
    }

    @Test
    void pixelNormScalesEachCodeToMeanSquareOne() {
        NDArray codes = manager.create(new float[][] {{3, 4}, {0, -2}});
        // mean squares 12.5 and 2
        float s = (float) Math.sqrt(12.5);
        assertArrayEquals(
                new float[] {3 / s, 4 / s, 0, -2 / (float) Math.sqrt(2)},
                PixelNorm.apply(codes).toFloatArray(),
                1e-6f);
    }

    @Test
    void theMappingTakesZToWAndIgnoresTheCodesLength() {
        Network mapping = new Network("mapping", MappingNetwork.of(32, 3), manager, new Shape(1, 16));
        NDArray z = manager.randomNormal(new Shape(5, 16));
        NDArray w = mapping.forward(z, false);
        assertEquals(new Shape(5, 32), w.getShape());
        assertArrayEquals(
                w.toFloatArray(),
                mapping.forward(z.mul(3f), false).toFloatArray(),
                1e-5f,
                "pixel norm first: z and 3z are the same code to the mapping");
        assertEquals(3 * 2, mapping.trainableParameters().size(), "three dense layers, weights and biases");
    }

    @Test
    void theSynthesisDrawsImagesFromWAndItsConstant() {
        StyleSynthesis block = new StyleSynthesis(4, new int[] {32, 16, 8, 8}, 1);
        Network synthesis = new Network("synthesis", block, manager, new Shape(1, 16));
        assertEquals(32, block.imageSide());
        block.noise(false);
        NDArray w = manager.randomNormal(new Shape(2, 16));
        NDArray images = synthesis.forward(w, false);
        assertEquals(new Shape(2, 1, 32, 32), images.getShape());
        assertTrue(images.abs().max().getFloat() <= 1, "tanh: images in [-1, 1]");
        assertFalse(images.get(0).contentEquals(images.get(1)), "two styles, two images");
        assertArrayEquals(
                images.toFloatArray(), synthesis.forward(w, false).toFloatArray(), 0f, "no noise: deterministic");
    }

    @Test
    void noiseChangesTheImageOnlyWhenOnAndWithStrength() {
        StyleSynthesis block = new StyleSynthesis(4, new int[] {16, 8}, 1);
        Network synthesis = new Network("synthesis", block, manager, new Shape(1, 8));
        NDArray w = manager.randomNormal(new Shape(2, 8));
        float[] quiet = synthesis.forward(w, false).toFloatArray();
        assertArrayEquals(
                quiet, synthesis.forward(w, false).toFloatArray(), 0f, "noise on, but its strength starts at 0");
        for (StyleLayer layer : block.layers()) {
            layer.noiseStrength()
                    .getArray()
                    .set(new float[(int) layer.noiseStrength().getArray().size()]);
            layer.noiseStrength().getArray().addi(1f);
        }
        float[] first = synthesis.forward(w, false).toFloatArray();
        float[] second = synthesis.forward(w, false).toFloatArray();
        assertFalse(Arrays.equals(first, second), "noise on with strength 1: fresh noise each time");
        block.noise(false);
        assertArrayEquals(
                synthesis.forward(w, false).toFloatArray(),
                synthesis.forward(w, false).toFloatArray(),
                0f,
                "noise off");
        assertTrue(block.layers().stream().noneMatch(StyleLayer::noise));
    }

    @Test
    void everyParameterOfTheSynthesisGetsAGradient() {
        StyleSynthesis block = new StyleSynthesis(4, new int[] {8, 4}, 1);
        Network synthesis = new Network("synthesis", block, manager, new Shape(1, 8));
        NDArray w = manager.randomNormal(new Shape(3, 8));
        try (var collector = Engine.getInstance().newGradientCollector()) {
            collector.backward(synthesis.forward(w, true).square().mean());
        }
        var parameters = synthesis.trainableParameters();
        assertEquals(
                1 + 2 * (2 + 2 + 1) + 2,
                parameters.size(),
                "constant; per layer conv, style (weights, biases), noise strength; to-image conv");
        for (var parameter : parameters) {
            assertTrue(
                    parameter.getArray().getGradient().abs().sum().getFloat() > 0,
                    parameter.getName() + " has no gradient");
        }
    }
}
