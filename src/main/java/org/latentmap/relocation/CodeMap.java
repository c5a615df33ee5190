package org.latentmap.relocation;

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
}
