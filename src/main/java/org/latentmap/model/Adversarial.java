package org.latentmap.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.util.List;

/**
 * What the adversarially trained models share ({@link org.latentmap.train.GanTraining}): a generator from
 * noise z, a discriminator, and a re-coder trained on generated images that gives the model its
 * {@link #encode}. The GAN of paper Sect. 4.2 (its space is z itself) and the StyleGAN of Sect. 7 (its
 * space is w, the mapping of z). Subclasses say how images are generated and what the re-coder gives back.
 */
public abstract class Adversarial implements LatentModel {
    private final String name;
    private final int latentSize;
    private final Network discriminator;
    private final Network recoder;

    protected Adversarial(String name, int latentSize, Network discriminator, Network recoder) {
        this.name = name;
        this.latentSize = latentSize;
        this.discriminator = discriminator;
        this.recoder = recoder;
    }

    /** Images in [-1, 1] from noise z; {@code training} selects batch statistics (and per-pixel noise where there is some). */
    public abstract NDArray generate(NDArray noise, boolean training);

    /** The parameters the generator's optimizer updates. */
    public abstract List<Parameter> generatorParameters();

    /** What the re-coder learns to give back from the image of noise z: the code of z in this model's latent space. */
    public abstract NDArray recoderTarget(NDArray noise);

    /** Every network of the model, in the order checkpoints hold them. */
    @Override
    public abstract List<Network> networks();

    /** The size of the generator's input noise z (the latent size for both models here). */
    public int noiseSize() {
        return latentSize;
    }

    /** The re-coder's code of images in [0, 1]. */
    @Override
    public NDArray encode(NDArray images) {
        return recoder.forward(images, false);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int latentSize() {
        return latentSize;
    }

    public Network discriminator() {
        return discriminator;
    }

    public Network recoder() {
        return recoder;
    }
}
