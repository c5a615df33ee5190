package org.latentmap.model.style;

import static org.latentmap.engine.Tensors.scalar;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Adaptive instance normalisation (Huang and Belongie, 2017), the way a StyleGAN's intermediate code w
 * steers each layer (paper Sect. 7): every channel of every image is normalised to mean 0 and variance 1
 * over its pixels, then scaled and shifted by the style's numbers for that image and channel.
 */
public final class AdaIn {
    /** Added to the variance before its square root, so a constant channel does not divide by zero. */
    static final float EPSILON = 1e-8f;

    private AdaIn() {}

    /**
     * {@code features} (N, C, H, W); {@code scale} and {@code shift} (N, C). Returns features whose channel c
     * of image n has mean shift[n, c] and standard deviation |scale[n, c]| over its H x W pixels.
     */
    public static NDArray apply(NDArray features, NDArray scale, NDArray shift) {
        var shape = features.getShape();
        if (shape.dimension() != 4) {
            throw new IllegalArgumentException("AdaIN takes features (N, C, H, W), got " + shape);
        }
        long n = shape.get(0);
        long c = shape.get(1);
        if (!scale.getShape().equals(new Shape(n, c)) || !shift.getShape().equals(scale.getShape())) {
            throw new IllegalArgumentException("AdaIN styles must be (N, C) = (" + n + ", " + c + ") for features "
                    + shape + "; got scale " + scale.getShape() + " and shift " + shift.getShape());
        }
        // statistics over one flattened pixel axis: the engine reduces one axis at a time
        NDArray pixels = features.reshape(n, c, -1);
        NDArray centred = pixels.sub(pixels.mean(new int[] {2}, true));
        NDArray deviation = centred.square()
                .mean(new int[] {2}, true)
                .add(scalar(centred, EPSILON))
                .sqrt();
        return centred.div(deviation)
                .mul(scale.reshape(n, c, 1))
                .add(shift.reshape(n, c, 1))
                .reshape(shape);
    }
}
