package org.latentmap.model;

import static org.latentmap.engine.Tensors.scalar;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;

/**
 * The Split-VAE of paper Sect. 4.2 (Asperti, Bugo and Filippini): residual encoder and decoder; the decoder
 * emits two images and a mask, and the output is mask x img1 + (1 - mask) x img2. Latent size 150 in the
 * paper. {@link #encode} gives the posterior mean.
 */
public final class SplitVae extends VariationalModel {
    /** The paper's latent size for the Split-VAE. */
    public static final int LATENT = 150;

    private final int channels;

    private SplitVae(String name, int latentSize, int channels, Network encoder, Network decoder) {
        super(name, latentSize, encoder, decoder);
        this.channels = channels;
    }

    /**
     * A new, randomly initialised Split-VAE for images of {@code imageShape} (C, H, W): strided stages of 32, 64
     * and 128 channels with residual blocks between them, a fourth of 256 for 64x64 images ({@link ImageShapes#stages}).
     */
    public static SplitVae create(String name, NDManager manager, Shape imageShape, int latentSize) {
        ImageShapes.requireDivisibleBy8(imageShape);
        int channels = (int) imageShape.get(0);
        int[] widths = ImageShapes.widths(imageShape, 32);
        int last = widths.length - 1;
        SequentialBlock encoder = new SequentialBlock().add(Layers.conv3x3(16));
        for (int i = 0; i <= last; i++) {
            encoder.add(Layers.down(widths[i], Activation.reluBlock(), true));
            if (i < last) {
                encoder.add(Layers.residual(widths[i]));
            }
        }
        encoder.add(Layers.dense(2 * latentSize));
        SequentialBlock decoder = new SequentialBlock()
                .add(Layers.fromCode(widths[last], ImageShapes.codeSide(imageShape)))
                .add(Layers.residual(widths[last]));
        for (int i = last - 1; i >= 0; i--) {
            decoder.add(Layers.up(widths[i])).add(Layers.residual(widths[i]));
        }
        decoder.add(Layers.toImage(2 * channels + 1));
        return new SplitVae(
                name,
                latentSize,
                channels,
                new Network("encoder", encoder, manager, ImageShapes.batchOf(imageShape)),
                new Network("decoder", decoder, manager, new Shape(1, latentSize)));
    }

    /** The decoder's three outputs: first image and second image (N, C, H, W), mask (N, 1, H, W). */
    public NDList parts(NDArray codes, boolean training) {
        NDArray all = decoder().forward(codes, training);
        return new NDList(
                all.get(":, 0:" + channels),
                all.get(":, " + channels + ":" + 2 * channels),
                all.get(":, " + 2 * channels + ":"));
    }

    /** mask x img1 + (1 - mask) x img2. */
    public static NDArray combine(NDList parts) {
        NDArray mask = parts.get(2);
        return parts.get(0).mul(mask).add(parts.get(1).mul(mask.neg().add(scalar(mask, 1f))));
    }

    @Override
    public NDArray decode(NDArray codes, boolean training) {
        return combine(parts(codes, training));
    }
}
