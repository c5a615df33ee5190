package org.latentmap.model.flow;

import static org.latentmap.engine.Tensors.scalar;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/**
 * The flow's first step (RealNVP, Sect. 4.1): pixels in [0, 1] are dequantised, y = (255 x + u) / 256 with
 * u uniform in [0, 1) while training and u = 1/2 when encoding, then squeezed into (alpha, 1 - alpha) and sent to
 * the real line by the logit, so that the couplings never see the hard edges of [0, 1].
 */
public final class LogitPixels implements Bijection {
    /** RealNVP's margin: the logit sees values in [0.05, 0.95]. */
    public static final float ALPHA = 0.05f;

    /** Dequantised pixels: (255 x + u) / 256, {@code noise} u of the images' shape in [0, 1). */
    public static NDArray dequantise(NDArray images, NDArray noise) {
        return images.mul(scalar(images, 255f)).add(noise).div(scalar(images, 256f));
    }

    /** The inverse of {@link #dequantise} at u = 1/2, clipped to [0, 1]. */
    public static NDArray quantise(NDArray dequantised) {
        return dequantised
                .mul(scalar(dequantised, 256f))
                .sub(scalar(dequantised, 0.5f))
                .div(scalar(dequantised, 255f))
                .clip(0f, 1f);
    }

    /** z = logit(alpha + (1 - 2 alpha) y); log |dz/dy| = log(1 - 2 alpha) - log p - log(1 - p), p = alpha + (1 - 2 alpha) y. */
    @Override
    public Transformed toCode(NDArray input, boolean training) {
        NDArray p = input.mul(scalar(input, 1 - 2 * ALPHA)).add(scalar(input, ALPHA));
        NDArray logP = p.log();
        NDArray logQ = scalar(p, 1f).sub(p).log();
        NDArray z = logP.sub(logQ);
        NDArray perPixel = logP.add(logQ).neg().add(scalar(p, (float) Math.log(1 - 2 * ALPHA)));
        return new Transformed(
                z, perPixel.reshape(perPixel.getShape().get(0), -1).sum(new int[] {1}));
    }

    @Override
    public NDArray toImage(NDArray output) {
        return Activation.sigmoid(output).sub(scalar(output, ALPHA)).div(scalar(output, 1 - 2 * ALPHA));
    }
}
