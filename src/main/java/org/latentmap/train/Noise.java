package org.latentmap.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.SplittableRandom;

/**
 * The random numbers of one training (the VAE's reparameterisation noise, the GAN's latent codes), drawn in
 * Java from a generator that {@link Training} reseeds at every step from (seed, step). PyTorch's generator is
 * one per process, so trainings running side by side would otherwise draw from it in an order that depends
 * on timing; with their own generator every training is reproducible however many run at once.
 */
public final class Noise {
    private SplittableRandom random;

    public Noise(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Starts the sequence again from {@code seed}. */
    public void reseed(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Standard normal values of the given shape. */
    public NDArray normal(NDManager manager, Shape shape) {
        float[] values = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return manager.create(values, shape);
    }
}
