package org.latentmap.relocation;

/**
 * A way of fitting a {@link CodeMap} to pairs of codes, row i of both being one image: the linear fits of
 * {@link MapFit}, or a linear map with a residual network ({@link ResidualMlpFit}).
 */
public interface CodeMapFit {
    /** Fits the map taking {@code source} rows to {@code target} rows. */
    CodeMap fit(float[][] source, float[][] target);

    String name();

    /**
     * Everything besides the codes that decides the fitted map (the method, its settings and seeds, a
     * version that changes with its computation), so that a zoo relocation's map can be stored and read back
     * in a later run; null (the default) when the fit cannot say, and its maps are fitted every time.
     */
    default String recipe() {
        return null;
    }
}
