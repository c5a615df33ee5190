package org.latentmap.relocation;

import org.ejml.data.DMatrixRMaj;

/**
 * What an {@link Aligner} found: W (source columns x target columns of the prepared spaces), the bias (null when it
 * has none) and, where the aligner chose something on the way (a validated penalty), a name saying so (null: the
 * fit's name).
 */
public record Alignment(DMatrixRMaj weights, double[] bias, String name) {
    /** W alone. */
    public static Alignment of(DMatrixRMaj weights) {
        return new Alignment(weights, null, null);
    }
}
