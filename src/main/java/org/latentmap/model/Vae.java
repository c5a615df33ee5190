package org.latentmap.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;

/**
 * The vanilla convolutional VAE of paper Sect. 4.2: a strided-convolution encoder with dense mean and
 * log-variance heads, a mirrored decoder (pixel-shuffle upsampling in place of transposed convolutions)
 * ending in a sigmoid. Channels are scaled down for CPU training; the structure is the paper's.
 * {@link #encode} gives the posterior mean.
 */
public final class Vae extends VariationalModel {
    /** The paper's latent size for the vanilla VAE. */
    public static final int LATENT = 64;

    private Vae(String name, int latentSize, Network encoder, Network decoder) {
        super(name, latentSize, encoder, decoder);
    }

    /** A new, randomly initialised VAE for images of {@code imageShape} (C, H, W; H and W divisible by 8): three
     * strided stages of 32, 64 and 128 channels for 32x32 images, a fourth of 256 for 64x64 ({@link ImageShapes#stages}). */
    public static Vae create(String name, NDManager manager, Shape imageShape, int latentSize) {
        ImageShapes.requireDivisibleBy8(imageShape);
        int[] widths = ImageShapes.widths(imageShape, 32);
        SequentialBlock encoder = new SequentialBlock();
        for (int width : widths) {
            encoder.add(Layers.down(width, Activation.reluBlock(), true));
        }
        encoder.add(Layers.dense(2 * latentSize));
        SequentialBlock decoder =
                new SequentialBlock().add(Layers.fromCode(widths[widths.length - 1], ImageShapes.codeSide(imageShape)));
        for (int i = widths.length - 2; i >= 0; i--) {
            decoder.add(Layers.up(widths[i]));
        }
        decoder.add(Layers.toImage((int) imageShape.get(0)));
        return new Vae(
                name,
                latentSize,
                new Network("encoder", encoder, manager, ImageShapes.batchOf(imageShape)),
                new Network("decoder", decoder, manager, new Shape(1, latentSize)));
    }

    @Override
    public NDArray decode(NDArray codes, boolean training) {
        return decoder().forward(codes, training);
    }
}
