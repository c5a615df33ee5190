package org.latentmap.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import java.util.List;

/**
 * The vanilla GAN of paper Sect. 4.2: a DCGAN-style generator (upsampling by nearest-neighbour resize and
 * convolution: pixel shuffle's checkerboard is what a discriminator spots first) and discriminator, z ~ N(0, I), plus the
 * <em>re-coder</em>, an encoder trained only on generated pairs (z, G(z)) to predict z, which gives the GAN
 * the {@link #encode} the latent-space comparison needs. {@link #decode} is the generator in inference mode.
 */
public final class Gan extends Adversarial {
    /** The paper's latent size for the GAN. */
    public static final int LATENT = 64;

    private final Network generator;

    private Gan(String name, int latentSize, Network generator, Network discriminator, Network recoder) {
        super(name, latentSize, discriminator, recoder);
        this.generator = generator;
    }

    /** A new, randomly initialised GAN (and re-coder) for images of {@code imageShape} (C, H, W). */
    public static Gan create(String name, NDManager manager, Shape imageShape, int latentSize) {
        ImageShapes.requireDivisibleBy8(imageShape);
        int side = (int) imageShape.get(1) / 8;
        Shape images = ImageShapes.batchOf(imageShape);
        SequentialBlock generator = new SequentialBlock()
                .add(Layers.fromCode(128, side))
                .add(Layers.resizeUp(64))
                .add(Layers.resizeUp(32))
                .add(Layers.resizeToImage((int) imageShape.get(0)));
        return new Gan(
                name,
                latentSize,
                new Network("generator", generator, manager, new Shape(1, latentSize)),
                new Network("discriminator", discriminatorBlock(), manager, images),
                new Network("recoder", recoderBlock(latentSize), manager, images));
    }

    /** The DCGAN-style discriminator: strided convolutions 16 (no batch norm), 32, 64, LeakyReLU 0.2, one logit. */
    public static SequentialBlock discriminatorBlock() {
        return new SequentialBlock()
                .add(Layers.down(16, Layers.leaky(), false))
                .add(Layers.down(32, Layers.leaky(), true))
                .add(Layers.down(64, Layers.leaky(), true))
                .add(Layers.dense(1));
    }

    /** The re-coder: the VAE encoder's shape (strided convolutions 32, 64, 128 with BN and ReLU), a dense head of {@code size}. */
    public static SequentialBlock recoderBlock(int size) {
        return new SequentialBlock()
                .add(Layers.down(32, Activation.reluBlock(), true))
                .add(Layers.down(64, Activation.reluBlock(), true))
                .add(Layers.down(128, Activation.reluBlock(), true))
                .add(Layers.dense(size));
    }

    @Override
    public List<Parameter> generatorParameters() {
        return generator.trainableParameters();
    }

    /** The GAN's latent space is its noise: the re-coder gives z back. */
    @Override
    public NDArray recoderTarget(NDArray noise) {
        return noise;
    }

    @Override
    public List<Network> networks() {
        return List.of(generator, discriminator(), recoder());
    }

    /**
     * The generator's raw output, in [-1, 1] (tanh, as in DCGAN: a sigmoid saturates where garments are
     * white and stops learning there). {@link #decode} maps it to [0, 1] like every other model's images.
     */
    @Override
    public NDArray generate(NDArray codes, boolean training) {
        return generator.forward(codes, training);
    }

    /** Images in [0, 1] to the generator's and discriminator's [-1, 1]. */
    public static NDArray toSigned(NDArray images) {
        return images.mul(2f).sub(1f);
    }

    @Override
    public NDArray decode(NDArray codes) {
        return generate(codes, false).add(1f).div(2f);
    }

    public Network generator() {
        return generator;
    }
}
