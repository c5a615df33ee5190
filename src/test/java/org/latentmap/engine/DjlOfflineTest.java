package org.latentmap.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

/** DJL runs on PyTorch's CPU library from Maven Central, with offline mode on: nothing is fetched at run time. */
class DjlOfflineTest {

    @Test
    void offlineModeIsOnAndTheEngineIsPyTorch() {
        assertEquals(
                "true",
                System.getProperty("ai.djl.offline"),
                "the build must run every JVM with -Dai.djl.offline=true");
        Engine engine = Engine.getInstance();
        assertEquals("PyTorch", engine.getEngineName());
        assertTrue(engine.getVersion().startsWith("2.7.1"), engine.getVersion());
    }

    @Test
    void forwardAndBackwardPassGiveTheKnownGradient() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(new float[] {1, -2, 3, 0.5f});
            x.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray y = x.mul(x).sum(); // d/dx sum(x^2) = 2x
                assertEquals(1 + 4 + 9 + 0.25f, y.getFloat(), 1e-6);
                collector.backward(y);
            }
            assertArrayEquals(new float[] {2, -4, 6, 1}, x.getGradient().toFloatArray(), 1e-6f);
        }
    }

    @Test
    void aConvolutionBlockTrainsOneStepOnCpu() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block conv = Conv2d.builder()
                    .setKernelShape(new Shape(4, 4))
                    .optStride(new Shape(2, 2))
                    .optPadding(new Shape(1, 1))
                    .setFilters(8)
                    .build();
            Shape input = new Shape(2, 1, 32, 32);
            conv.initialize(manager, DataType.FLOAT32, input);
            NDArray images = manager.randomUniform(0, 1, input);
            ParameterStore store = new ParameterStore(manager, false);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray out = conv.forward(store, new NDList(images), true).singletonOrThrow();
                assertEquals(new Shape(2, 8, 16, 16), out.getShape());
                collector.backward(out.square().mean());
            }
            NDArray weightGradient =
                    conv.getParameters().get("weight").getArray().getGradient();
            assertEquals(new Shape(8, 1, 4, 4), weightGradient.getShape());
            assertTrue(weightGradient.abs().sum().getFloat() > 0, "gradients reach the weights");
        }
    }
}
