package org.latentmap.relocation;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import org.latentmap.data.ImageSet;
import org.latentmap.engine.Batches;
import org.latentmap.features.Codes;
import org.latentmap.linalg.CodeMatrix;
import org.latentmap.model.LatentModel;

/**
 * Fresh samples of a generator, seen from two spaces: the prior codes they were drawn from (for StyleGAN, w)
 * and another model's codes of their images (paper Sect. 7.1).
 */
record SamplePairs(CodeMatrix generatorCodes, CodeMatrix otherCodes) {
    private static final int BATCH = 250;

    /** A generator's samples: the prior codes drawn and the images they give. */
    record Drawn(CodeMatrix codes, ImageSet images) {
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
        int size = generator.latentSize();
        float[] codes = new float[count * size];
        Images images = new Images(count);
        Batches.of(count, BATCH, (manager, from, to) -> {
            NDArray prior = generator.samplePrior(manager, to - from);
            NDArray drawn = generator.decode(prior);
            float[] flat = prior.toFloatArray();
            System.arraycopy(flat, 0, codes, from * size, flat.length);
            images.put(from, drawn);
        });
        return new Drawn(CodeMatrix.of(codes, size), images.toImageSet());
    }

    /** The images of all batches, laid out as the first batch's shape says. */
    private static final class Images {
        private final int count;
        private float[] pixels;
        private long[] shape;

        Images(int count) {
            this.count = count;
        }

        void put(int from, NDArray batch) {
            if (pixels == null) {
                shape = batch.getShape().getShape();
                pixels = new float[Math.toIntExact(count * imageLength())];
            }
            float[] values = batch.toFloatArray();
            System.arraycopy(values, 0, pixels, Math.toIntExact(from * imageLength()), values.length);
        }

        ImageSet toImageSet() {
            return new ImageSet(pixels, count, (int) shape[1], (int) shape[2], (int) shape[3], null, null);
        }

        private long imageLength() {
            return shape[1] * shape[2] * shape[3];
        }
    }
}
