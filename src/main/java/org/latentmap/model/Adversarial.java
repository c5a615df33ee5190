package org.latentmap.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;

import java.util.List;

/**
 * A latent model trained adversarially ({@link org.latentmap.train.GanTraining}): a generator from noise z,
 * a discriminator, and a re-coder trained on generated images to give the model its {@link #encode}. The GAN
 * of paper Sect. 4.2 (its space is z itself) and the StyleGAN of Sect. 7 (its space is w, the mapping of z).
 */
public interface Adversarial extends LatentModel {
    /** The size of the generator's input noise z. */
    int noiseSize();

    /** Images in [-1, 1] from noise z; {@code training} selects batch statistics (and per-pixel noise where there is some). */
    NDArray generate(NDArray noise, boolean training);

    /** The parameters the generator's optimizer updates. */
    List<Parameter> generatorParameters();

    Network discriminator();

    Network recoder();

    /** What the re-coder learns to give back from the image of noise z: the code of z in this model's latent space. */
    NDArray recoderTarget(NDArray noise);

    /** Every network of the model, in the order checkpoints hold them. */
    List<Network> networks();
}
