package org.latentmap.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * The one batch loop of the project: rows {@code [0, count)} handed to the engine {@code size} at a time, each
 * batch under its own manager (its tensors freed when it ends) with gradients off. Encoding, decoding, sampling
 * and per-image errors all go through it; the batch size is the caller's, since a network's output may depend on
 * how many rows it saw at once.
 */
public final class Batches {
    private Batches() {}

    /** What is done with one batch: rows {@code from} (inclusive) to {@code to} (exclusive). */
    @FunctionalInterface
    public interface Body {
        void run(NDManager manager, int from, int to);
    }

    /** What one batch gives: one value per row, rows {@code from} to {@code to}. */
    @FunctionalInterface
    public interface PerRow {
        NDArray values(NDManager manager, int from, int to);
    }

    /** One value per row of {@code [0, count)}, computed {@code size} rows at a time, as doubles. */
    public static double[] perRow(int count, int size, PerRow body) {
        double[] values = new double[count];
        of(count, size, (manager, from, to) -> {
            float[] batch = body.values(manager, from, to).toFloatArray();
            if (batch.length != to - from) {
                throw new IllegalStateException(batch.length + " values for the " + (to - from) + " rows of a batch");
            }
            for (int i = 0; i < batch.length; i++) {
                values[from + i] = batch[i];
            }
        });
        return values;
    }

    /** Runs {@code body} on {@code [0, size)}, {@code [size, 2 size)}, ... up to {@code count}. */
    public static void of(int count, int size, Body body) {
        if (count < 0 || size < 1) {
            throw new IllegalArgumentException("batches of " + size + " over " + count + " rows");
        }
        GradMode.offForThisThread();
        for (int from = 0; from < count; from += size) {
            int to = Math.min(count, from + size);
            try (NDManager manager = NDManager.newBaseManager()) {
                body.run(manager, from, to);
            }
        }
        NativeMemory.trimNowAndThen(); // the batches' freed arrays back to the system
    }
}
