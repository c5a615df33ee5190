package org.latentmap.model.style;

import static org.latentmap.engine.Tensors.scalar;

import ai.djl.ndarray.NDArray;

/**
 * Pixel normalisation of a latent code, the first step of StyleGAN's mapping network (paper Sect. 7): each
 * code is divided by the root of its mean square, so every code fed to the mapping has mean square 1.
 */
public final class PixelNorm {
    private PixelNorm() {}

    /** Codes (N, size), each scaled to mean square 1. */
    public static NDArray apply(NDArray codes) {
        if (codes.getShape().dimension() != 2) {
            throw new IllegalArgumentException("pixel norm takes codes (N, size), got " + codes.getShape());
        }
        return codes.div(codes.square()
                .mean(new int[] {1}, true)
                .add(scalar(codes, AdaIn.EPSILON))
                .sqrt());
    }
}
