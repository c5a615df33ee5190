package org.latentmap.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import java.util.Random;
import org.latentmap.data.ImageSet;

/**
 * Batches of a data set in a seeded random order, reshuffled every epoch (the last incomplete batch of an
 * epoch is dropped). The order of epoch e depends only on (seed, e).
 */
public final class ShuffledBatches implements Batches {
    private final ImageSet data;
    private final int batchSize;
    private final long seed;
    private final int batchesPerEpoch;
    private long cachedEpoch = -1;
    private int[] order;

    public ShuffledBatches(ImageSet data, int batchSize, long seed) {
        if (batchSize < 1 || batchSize > data.size()) {
            throw new IllegalArgumentException("a batch of " + batchSize + " images from a set of " + data.size()
                    + ": use a batch size between 1 and the data size");
        }
        this.data = data;
        this.batchSize = batchSize;
        this.seed = seed;
        this.batchesPerEpoch = data.size() / batchSize;
    }

    public int batchesPerEpoch() {
        return batchesPerEpoch;
    }

    /** Indices of the images in the batch of {@code step}. */
    public int[] indices(long step) {
        long epoch = step / batchesPerEpoch;
        if (epoch != cachedEpoch) {
            order = permutation(data.size(), new Random(seed * 1_000_003L + epoch));
            cachedEpoch = epoch;
        }
        int from = (int) (step % batchesPerEpoch) * batchSize;
        int[] indices = new int[batchSize];
        System.arraycopy(order, from, indices, 0, batchSize);
        return indices;
    }

    @Override
    public NDArray batch(NDManager manager, long step) {
        int[] indices = indices(step);
        int length = data.imageLength();
        float[] pixels = new float[batchSize * length];
        for (int i = 0; i < batchSize; i++) {
            System.arraycopy(data.image(indices[i]), 0, pixels, i * length, length);
        }
        return manager.create(
                FloatBuffer.wrap(pixels), new Shape(batchSize, data.channels(), data.height(), data.width()));
    }

    private static int[] permutation(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
