package org.latentmap.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.latentmap.data.ImageSet;

class ShuffledBatchesTest {

    private static ImageSet numbered(int count) {
        float[] pixels = new float[count * 4];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = i / 4;
        }
        return new ImageSet(pixels, count, 1, 2, 2, null, null);
    }

    @Test
    void everyEpochVisitsEachImageOnceInItsOwnOrder() {
        ShuffledBatches batches = new ShuffledBatches(numbered(10), 3, 5);
        assertEquals(3, batches.batchesPerEpoch(), "the incomplete last batch is dropped");
        int[] epoch0 = IntStream.range(0, 3)
                .flatMap(s -> Arrays.stream(batches.indices(s)))
                .toArray();
        int[] epoch1 = IntStream.range(3, 6)
                .flatMap(s -> Arrays.stream(batches.indices(s)))
                .toArray();
        assertEquals(9, Arrays.stream(epoch0).distinct().count());
        assertFalse(Arrays.equals(epoch0, epoch1));
        ShuffledBatches again = new ShuffledBatches(numbered(10), 3, 5);
        assertArrayEquals(batches.indices(4), again.indices(4), "a step's batch depends on (seed, step) only");
    }

    @Test
    void aBatchHoldsTheImagesOfItsIndices() {
        ShuffledBatches batches = new ShuffledBatches(numbered(10), 3, 5);
        try (NDManager manager = NDManager.newBaseManager()) {
            var batch = batches.batch(manager, 2);
            assertEquals(new Shape(3, 1, 2, 2), batch.getShape());
            int[] indices = batches.indices(2);
            float[] values = batch.toFloatArray();
            for (int i = 0; i < 3; i++) {
                assertEquals(indices[i], values[i * 4]);
            }
        }
    }

    @Test
    void aBatchLargerThanTheDataIsRefused() {
        var error = assertThrows(IllegalArgumentException.class, () -> new ShuffledBatches(numbered(4), 5, 1));
        assertEquals(
                "a batch of 5 images from a set of 4: use a batch size between 1 and the data size",
                error.getMessage());
    }
}
