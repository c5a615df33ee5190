package org.latentmap.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * What the rest of latentmap needs of a generative model (paper Sect. 4): a latent space of a fixed size,
 * a way into it ({@link #encode}: the posterior mean for a VAE, the re-coder for a GAN) and a way out of it
 * ({@link #decode}), and samples from its prior. Images are (N, C, H, W) in [0, 1]; codes are (N, latentSize).
 */
public interface LatentModel {

    /** A short name for tables and charts, such as "VAE seed 3". */
    String name();

    /** Size of the latent space. */
    int latentSize();

    /** Latent codes of a batch of images. */
    NDArray encode(NDArray images);

    /** Images generated from a batch of latent codes. */
    NDArray decode(NDArray codes);

    /**
     * The networks the model is made of, in the order checkpoints hold them (none for a model built by hand):
     * the zoo derives a model's architecture fingerprint from them.
     */
    default List<Network> networks() {
        return List.of();
    }

    /** Codes drawn from the model's prior, N(0, I) for every model here. */
    default NDArray samplePrior(NDManager manager, int count) {
        return manager.randomNormal(new Shape(count, latentSize()));
    }

    /** Images generated from prior samples. */
    default NDArray sample(NDManager manager, int count) {
        return decode(samplePrior(manager, count));
    }
}
