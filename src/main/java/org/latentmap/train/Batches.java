package org.latentmap.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/** Where training batches come from: the batch for a step is a function of the step alone, so runs resume exactly. */
@FunctionalInterface
public interface Batches {
    NDArray batch(NDManager manager, long step);
}
