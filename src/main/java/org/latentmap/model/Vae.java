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

    /** A new, randomly initialised VAE for images of {@code imageShape} (C, H, W; H and W divisible by 8). */
    public static Vae create(String name, NDManager manager, Shape imageShape, int latentSize) {
        ImageShapes.requireDivisibleBy8(imageShape);
        int side = (int) imageShape.get(1) / 8;
        SequentialBlock encoder = new SequentialBlock()
                .add(Layers.down(32, Activation.reluBlock(), true))
                .add(Layers.down(64, Activation.reluBlock(), true))
                .add(Layers.down(128, Activation.reluBlock(), true))
                .add(Layers.dense(2 * latentSize));
        SequentialBlock decoder = new SequentialBlock()
                .add(Layers.fromCode(128, side))
                .add(Layers.up(64))
                .add(Layers.up(32))
                .add(Layers.toImage((int) imageShape.get(0)));
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
