package org.latentmap.relocation;

import org.latentmap.linalg.CodeMatrix;

/**
 * A map from one latent space to another (paper Sect. 6): the paper's maps are linear ({@link LinearMap});
 * its future work, residual nonlinearities, gives maps that are not ({@link ResidualMlpMap}).
 */
public interface CodeMap {
    /** Maps each row of {@code codes} (source codes) to the target space. */
    CodeMatrix apply(CodeMatrix codes);

    int sourceSize();

    int targetSize();

    /** How the map was fitted, such as "least squares". */
    String fit();
}
