package org.latentmap.metrics;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.latentmap.model.LatentModel;
import org.latentmap.train.GradMode;

/**
 * How well a GAN's re-coder inverts its generator on the GAN's own samples (paper Sect. 4.2; StyleGAN's, Sect. 7): for prior codes z,
 * the latent error mean (z - R(G(z)))^2 and the image error mean (G(z) - G(R(G(z))))^2.
 */
public record RecoderError(double latentMse, double imageMse, int samples) {

    /** Measures on {@code count} prior samples drawn with {@code seed} (codes from the model's prior: z, or StyleGAN's w). */
    public static RecoderError measure(LatentModel gan, int count, int seed) {
        Engine.getInstance().setRandomSeed(seed);
        GradMode.offForThisThread();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray codes = gan.samplePrior(manager, count); // N(0, I) for the GAN; w for the StyleGAN
            NDArray images = gan.decode(codes);
            NDArray recoded = gan.encode(images);
            NDArray again = gan.decode(recoded);
            return new RecoderError(codes.sub(recoded).square().mean().getFloat(),
                    images.sub(again).square().mean().getFloat(), count);
        }
    }
}
