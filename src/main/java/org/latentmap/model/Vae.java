package org.latentmap.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
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
public final class Vae implements LatentModel {
    /** The paper's latent size for the vanilla VAE. */
    public static final int LATENT = 64;

    private final String name;
    private final int latentSize;
    private final Network encoder;
    private final Network decoder;

    private Vae(String name, int latentSize, Network encoder, Network decoder) {
        this.name = name;
        this.latentSize = latentSize;
        this.encoder = encoder;
        this.decoder = decoder;
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
        return new Vae(name, latentSize,
                new Network("encoder", encoder, manager, ImageShapes.batchOf(imageShape)),
                new Network("decoder", decoder, manager, new Shape(1, latentSize)));
    }

    /** Mean and log-variance of the posterior, each (N, latentSize). */
    public NDList posterior(NDArray images, boolean training) {
        NDArray both = encoder.forward(images, training);
        return new NDList(both.get(":, :" + latentSize), both.get(":, " + latentSize + ":"));
    }

    public NDArray decode(NDArray codes, boolean training) {
        return decoder.forward(codes, training);
    }

    @Override
    public NDArray encode(NDArray images) {
        return posterior(images, false).get(0);
    }

    @Override
    public NDArray decode(NDArray codes) {
        return decode(codes, false);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int latentSize() {
        return latentSize;
    }

    public Network encoder() {
        return encoder;
    }

    public Network decoder() {
        return decoder;
    }
}
