package org.latentmap.metrics;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.latentmap.engine.GradMode;
import org.latentmap.model.LatentModel;

/**
 * How well a GAN's re-coder inverts its generator on the GAN's own samples (paper Sect. 4.2; StyleGAN's, Sect. 7): for prior codes z,
 * the latent error mean (z - R(G(z)))^2 and the image error mean (G(z) - G(R(G(z))))^2.
 */
public record RecoderError(double latentMse, double imageMse, int samples) {

    /** Images drawn, re-coded and drawn again per forward pass: bounds the activations' memory. */
    private static final int BATCH = 250;

    /** Measures on {@code count} prior samples drawn with {@code seed} (codes from the model's prior: z, or StyleGAN's w). */
    public static RecoderError measure(LatentModel gan, int count, int seed) {
        Engine.getInstance().setRandomSeed(seed);
        GradMode.offForThisThread();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray codes = gan.samplePrior(manager, count); // N(0, I) for the GAN; w for the StyleGAN
            double latentSum = 0;
            double imageSum = 0;
            long latentValues = 0;
            long imageValues = 0;
            for (int from = 0; from < count; from += BATCH) {
                int to = Math.min(count, from + BATCH);
                try (NDManager batch = manager.newSubManager()) {
                    NDArray z = codes.get(from + ":" + to);
                    z.attach(batch);
                    NDArray images = gan.decode(z);
                    NDArray recoded = gan.encode(images);
                    NDArray again = gan.decode(recoded);
                    latentSum += z.sub(recoded)
                            .square()
                            .sum()
                            .toType(DataType.FLOAT64, false)
                            .getDouble();
                    imageSum += images.sub(again)
                            .square()
                            .sum()
                            .toType(DataType.FLOAT64, false)
                            .getDouble();
                    latentValues += z.size();
                    imageValues += images.size();
                }
            }
            return new RecoderError(latentSum / latentValues, imageSum / imageValues, count);
        }
    }
}
