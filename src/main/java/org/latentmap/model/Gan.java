package org.latentmap.model;

import static org.latentmap.engine.Tensors.scalar;

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
        Shape images = ImageShapes.batchOf(imageShape);
        int[] widths = ImageShapes.widths(imageShape, 32);
        SequentialBlock generator =
                new SequentialBlock().add(Layers.fromCode(widths[widths.length - 1], ImageShapes.codeSide(imageShape)));
        for (int i = widths.length - 2; i >= 0; i--) {
            generator.add(Layers.resizeUp(widths[i]));
        }
        generator.add(Layers.resizeToImage((int) imageShape.get(0)));
        return new Gan(
                name,
                latentSize,
                new Network("generator", generator, manager, new Shape(1, latentSize)),
                new Network("discriminator", discriminatorBlock(imageShape), manager, images),
                new Network("recoder", recoderBlock(imageShape, latentSize), manager, images));
    }

    /**
     * The DCGAN-style discriminator for images of {@code imageShape}: strided convolutions 16 (no batch norm), 32,
     * 64 (and 128 for 64x64 images), LeakyReLU 0.2, one logit.
     */
    public static SequentialBlock discriminatorBlock(Shape imageShape) {
        int[] widths = ImageShapes.widths(imageShape, 16);
        SequentialBlock block = new SequentialBlock();
        for (int i = 0; i < widths.length; i++) {
            block.add(Layers.down(widths[i], Layers.leaky(), i > 0));
        }
        return block.add(Layers.dense(1));
    }

    /**
     * The re-coder for images of {@code imageShape}: the VAE encoder's shape (strided convolutions 32, 64, 128, and
     * 256 for 64x64 images, with BN and ReLU), a dense head of {@code size}.
     */
    public static SequentialBlock recoderBlock(Shape imageShape, int size) {
        SequentialBlock block = new SequentialBlock();
        for (int width : ImageShapes.widths(imageShape, 32)) {
            block.add(Layers.down(width, Activation.reluBlock(), true));
        }
        return block.add(Layers.dense(size));
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
        return images.mul(scalar(images, 2f)).sub(scalar(images, 1f));
    }

    /**
     * The generator's [-1, 1] to images in [0, 1]. The constants are the engine's tensors: autograd keeps the
     * divisor for the backward pass, and a Java number's tensor would be freed before it (issue 29).
     */
    public static NDArray toUnit(NDArray signed) {
        return signed.add(scalar(signed, 1f)).div(scalar(signed, 2f));
    }

    @Override
    public NDArray decode(NDArray codes) {
        return toUnit(generate(codes, false));
    }

    public Network generator() {
        return generator;
    }
}
