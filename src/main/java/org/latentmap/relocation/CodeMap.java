package org.latentmap.relocation;

import org.latentmap.store.PackedValues;

/**
 * A map from one latent space to another (paper Sect. 6): the paper's maps are linear ({@link LinearMap});
 * its future work, residual nonlinearities, gives maps that are not ({@link ResidualMlpMap}).
 */
public interface CodeMap {
    /** Maps each row of {@code codes} (source codes) to the target space. */
    float[][] apply(float[][] codes);

    int sourceSize();

    int targetSize();

    /** How the map was fitted, such as "least squares". */
    String fit();

    /**
     * Writes this map for the zoo's store: a number naming its kind (unique among the kinds of map), then its own
     * numbers, which its fit's {@link CodeMapFit#read} reads back. A kind of map that does not write itself cannot be
     * stored: its fit must have no recipe (then its maps are fitted every time).
     */
    default void write(PackedValues packed) {
        throw new UnsupportedOperationException("a map of kind " + getClass().getName() + " cannot be stored: give it"
                + " write(PackedValues) and its fit read(...), or give its fit no recipe");
    }
}
