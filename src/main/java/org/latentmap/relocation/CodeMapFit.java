package org.latentmap.relocation;

/**
 * A way of fitting a {@link CodeMap} to pairs of codes, row i of both being one image: the linear fits of
 * {@link MapFit}, or a linear map with a residual network ({@link ResidualMlpFit}).
 */
public interface CodeMapFit {
    /** Fits the map taking {@code source} rows to {@code target} rows. */
    CodeMap fit(float[][] source, float[][] target);

    String name();
}
