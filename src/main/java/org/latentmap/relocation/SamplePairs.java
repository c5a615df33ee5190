package org.latentmap.relocation;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import org.latentmap.data.ImageSet;
import org.latentmap.engine.GradMode;
import org.latentmap.features.Codes;
import org.latentmap.model.LatentModel;

/**
 * Fresh samples of a generator, seen from two spaces: the prior codes they were drawn from (for StyleGAN, w)
 * and another model's codes of their images (paper Sect. 7.1).
 */
record SamplePairs(float[][] generatorCodes, float[][] otherCodes) {
    private static final int BATCH = 250;

    /** A generator's samples: the prior codes drawn and the images they give. */
    record Drawn(float[][] codes, ImageSet images) {
        /** These samples seen from {@code other}'s space too. */
        SamplePairs with(LatentModel other) {
            return new SamplePairs(codes, Codes.of(other, images));
        }
    }

    static SamplePairs draw(LatentModel generator, LatentModel other, int count, int seed) {
        return drawn(generator, count, seed).with(other);
    }

    /** {@code count} samples of {@code generator} drawn from {@code seed}, decoded {@value #BATCH} at a time. */
    static Drawn drawn(LatentModel generator, int count, int seed) {
        Engine.getInstance().setRandomSeed(seed);
        GradMode.offForThisThread();
        int size = generator.latentSize();
        float[][] codes = new float[count][];
        float[] pixels = null;
        long[] shape = null;
        for (int from = 0; from < count; from += BATCH) {
            int to = Math.min(count, from + BATCH);
            try (NDManager manager = NDManager.newBaseManager()) {
                NDArray prior = generator.samplePrior(manager, to - from);
                NDArray images = generator.decode(prior);
                float[] flat = prior.toFloatArray();
                for (int i = 0; i < to - from; i++) {
                    codes[from + i] = Arrays.copyOfRange(flat, i * size, (i + 1) * size);
                }
                if (pixels == null) {
                    shape = images.getShape().getShape();
                    pixels = new float[(int) (count * shape[1] * shape[2] * shape[3])];
                }
                float[] batch = images.toFloatArray();
                System.arraycopy(batch, 0, pixels, (int) (from * shape[1] * shape[2] * shape[3]), batch.length);
            }
        }
        return new Drawn(
                codes, new ImageSet(pixels, count, (int) shape[1], (int) shape[2], (int) shape[3], null, null));
    }
}
