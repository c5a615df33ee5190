package org.latentmap.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** Small tensor helpers every layer of latentmap that records autograd needs (training losses, maps). */
public final class Tensors {
    private Tensors() {}

    /**
     * A constant for a product, quotient or maximum that autograd records. DJL's {@code mul(Number)} and the
     * like wrap the number in a tensor over Java-owned memory and close it at once, while autograd keeps that
     * tensor for the backward pass: when the garbage collector frees the memory in between, the gradient
     * reads whatever is there. That made trainings leave their trajectory at random steps (and sometimes
     * diverge) in November 2026. A tensor made by the engine ({@code full}) is kept alive by autograd itself.
     */
    public static NDArray scalar(NDArray like, float value) {
        return like.getManager().full(new Shape(), value);
    }
}
