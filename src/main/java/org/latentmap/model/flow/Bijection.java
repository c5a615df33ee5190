package org.latentmap.model.flow;

import ai.djl.ndarray.NDArray;

/**
 * One invertible step of a flow: {@link #toCode} maps images towards the code and gives the log-determinant of
 * its Jacobian per image, {@link #toImage} is its exact inverse.
 */
public interface Bijection {

    /** The step applied towards the code, with log |det J| per image (shape (N)). */
    Transformed toCode(NDArray input, boolean training);

    /** The inverse of {@link #toCode}. */
    NDArray toImage(NDArray output);

    /** An output and the log-determinant of the Jacobian that made it, one per image. */
    record Transformed(NDArray value, NDArray logDeterminant) {}
}
