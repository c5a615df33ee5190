package org.latentmap.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

class NearestUpsamplingTest {

    @Test
    void eachPixelBecomesATwoByTwoBlockAndCollectsTheirGradients() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, new Shape(1, 2, 2, 2));
            x.setRequiresGradient(true);
            NDArray y;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                y = NearestUpsampling.twice(x);
                // the gradient of the sum reaches each input from its four copies
                collector.backward(y.sum());
            }
            assertEquals(new Shape(1, 2, 4, 4), y.getShape());
            assertArrayEquals(
                    new float[] {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4},
                    y.get("0, 0").toFloatArray());
            assertArrayEquals(
                    new float[] {4, 4, 4, 4, 4, 4, 4, 4}, x.getGradient().toFloatArray());
        }
    }

    @Test
    void onlyImageBatchesAreAccepted() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertThrows(IllegalArgumentException.class, () -> NearestUpsampling.twice(m.zeros(new Shape(2, 2))));
        }
    }
}
