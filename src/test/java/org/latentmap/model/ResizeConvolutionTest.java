package org.latentmap.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.latentmap.engine.GradMode;

class ResizeConvolutionTest {

    @Test
    void aOnePixelImageOfOnesThroughAKernelOfOnesGivesFourEverywhere() {
        // upsampled: a 2x2 block of ones; each output's 3x3 window (padded with zeros) holds all four
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray kernel = m.ones(new Shape(1, 1, 3, 3));
            NDArray out = Conv2d.conv2d(
                            m.ones(new Shape(1, 1, 1, 1)),
                            ResizeConvolution.phaseKernels(kernel, m),
                            null,
                            new Shape(1, 1),
                            new Shape(1, 1),
                            new Shape(1, 1),
                            1)
                    .singletonOrThrow();
            assertArrayEquals(
                    new float[] {4, 4, 4, 4}, PixelShuffle.apply(out, 2).toFloatArray());
        }
    }

    @Test
    void equalsUpsamplingThenConvolvingInValueAndGradient() {
        GradMode.offForThisThread();
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            ResizeConvolution block = new ResizeConvolution(2);
            block.initialize(m, DataType.FLOAT32, new Shape(2, 3, 4, 5));
            NDArray kernel = block.getParameters().get("weight").getArray();
            NDArray bias = m.randomNormal(new Shape(2));
            block.getParameters().get("bias").getArray().set(bias.toFloatArray());
            NDArray x = m.randomNormal(new Shape(2, 3, 4, 5));
            x.setRequiresGradient(true);
            NDArray fast;
            float[] fastGradient;
            float[] fastKernelGradient;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                fast = block.forward(new ParameterStore(m, false), new NDList(x), true)
                        .singletonOrThrow();
                collector.backward(fast.square().sum());
            }
            fastGradient = x.getGradient().toFloatArray();
            fastKernelGradient = kernel.getGradient().toFloatArray();
            NDArray slowKernel = kernel.duplicate();
            slowKernel.setRequiresGradient(true);
            NDArray x2 = x.duplicate();
            x2.setRequiresGradient(true);
            NDArray slow;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                slow = Conv2d.conv2d(
                                NearestUpsampling.twice(x2),
                                slowKernel,
                                bias,
                                new Shape(1, 1),
                                new Shape(1, 1),
                                new Shape(1, 1),
                                1)
                        .singletonOrThrow();
                collector.backward(slow.square().sum());
            }
            assertEquals(new Shape(2, 2, 8, 10), fast.getShape());
            assertArrayEquals(slow.toFloatArray(), fast.toFloatArray(), 1e-5f);
            assertArrayEquals(x2.getGradient().toFloatArray(), fastGradient, 1e-4f);
            assertArrayEquals(slowKernel.getGradient().toFloatArray(), fastKernelGradient, 1e-3f);
            assertEquals(new Shape(2, 3, 3, 3), kernel.getShape());
        }
    }

    @Test
    void refusesWhatIsNotAnImageBatch() {
        try (NDManager m = NDManager.newBaseManager()) {
            ResizeConvolution block = new ResizeConvolution(2);
            assertThrows(IllegalArgumentException.class, () -> block.initialize(m, DataType.FLOAT32, new Shape(2, 3)));
            assertThrows(IllegalArgumentException.class, () -> new ResizeConvolution(0));
        }
    }
}
