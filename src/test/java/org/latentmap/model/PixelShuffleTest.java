package org.latentmap.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class PixelShuffleTest {

    @Test
    void channelBlockIJBecomesOffsetIJOfEachCell() {
        try (NDManager manager = NDManager.newBaseManager()) {
            // One image, 4 channels of 1x2 pixels: channel k holds 10k + column.
            float[] values = new float[4 * 2];
            for (int k = 0; k < 4; k++) {
                values[k * 2] = 10 * k;
                values[k * 2 + 1] = 10 * k + 1;
            }
            NDArray out = PixelShuffle.apply(manager.create(values, new Shape(1, 4, 1, 2)), 2);
            assertEquals(new Shape(1, 1, 2, 4), out.getShape());
            // Row 0: channels 0 and 1 interleaved; row 1: channels 2 and 3.
            assertArrayEquals(new float[] {0, 10, 1, 11, 20, 30, 21, 31}, out.toFloatArray());
        }
    }

    @Test
    void upsampleBlockDoublesHeightAndWidth() {
        try (NDManager manager = NDManager.newBaseManager()) {
            SequentialBlock block = PixelShuffle.upsample2x(8);
            block.initialize(manager, DataType.FLOAT32, new Shape(2, 16, 4, 4));
            NDArray out = block.forward(
                            new ParameterStore(manager, false), new NDList(manager.ones(new Shape(2, 16, 4, 4))), false)
                    .singletonOrThrow();
            assertEquals(new Shape(2, 8, 8, 8), out.getShape());
        }
    }

    @Test
    void channelsThatDoNotSplitAreRefused() {
        try (NDManager manager = NDManager.newBaseManager()) {
            assertThrows(
                    IllegalArgumentException.class, () -> PixelShuffle.apply(manager.ones(new Shape(1, 3, 2, 2)), 2));
        }
    }
}
