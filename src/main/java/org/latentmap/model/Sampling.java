package org.latentmap.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.latentmap.data.ImageSet;
import org.latentmap.engine.GradMode;
import org.latentmap.linalg.CodeMatrix;

/** Seeded draws from a model's prior, decoded into images (the sample grids of paper Sect. 4.2). */
public final class Sampling {
    private Sampling() {}

    /** Images decoded per forward pass: bounds the activations' memory (10,000 StyleGAN images at once took 14 GB). */
    private static final int BATCH = 250;

    /**
     * {@code count} images generated from prior codes drawn with {@code seed}: all codes are drawn first, as one
     * draw, then decoded {@value #BATCH} at a time (for a generator without noise inputs, the same images as
     * decoding them at once).
     */
    public static ImageSet samples(LatentModel model, int count, int seed) {
        Engine.getInstance().setRandomSeed(seed);
        GradMode.offForThisThread();
        try (NDManager manager = NDManager.newBaseManager()) {
            return decoded(model, model.samplePrior(manager, count));
        }
    }

    /** The images of {@code codes}, decoded {@value #BATCH} per forward pass. */
    public static ImageSet decoded(LatentModel model, CodeMatrix codes) {
        if (codes.width() != model.latentSize()) {
            throw new IllegalArgumentException("codes of " + codes.width() + " variables for " + model.name()
                    + ", whose latent space has " + model.latentSize());
        }
        GradMode.offForThisThread();
        try (NDManager manager = NDManager.newBaseManager()) {
            return decoded(model, codes.toNDArray(manager));
        }
    }

    /** The images of {@code codes} (N, latent), decoded {@value #BATCH} per forward pass. */
    public static ImageSet decoded(LatentModel model, NDArray codes) {
        GradMode.offForThisThread();
        int count = Math.toIntExact(codes.getShape().get(0));
        float[] pixels = null;
        long[] shape = null;
        for (int from = 0; from < count; from += BATCH) {
            int to = Math.min(count, from + BATCH);
            try (NDManager batch = codes.getManager().newSubManager()) {
                NDArray part = codes.get(from + ":" + to);
                part.attach(batch);
                NDArray images = model.decode(part);
                if (pixels == null) {
                    shape = images.getShape().getShape();
                    pixels = new float[Math.multiplyExact(count, Math.toIntExact(shape[1] * shape[2] * shape[3]))];
                }
                float[] values = images.toFloatArray();
                System.arraycopy(
                        values,
                        0,
                        pixels,
                        Math.toIntExact((long) from * shape[1] * shape[2] * shape[3]),
                        values.length);
            }
        }
        if (pixels == null) {
            throw new IllegalArgumentException("no codes to decode: ask for at least one image");
        }
        return new ImageSet(pixels, count, (int) shape[1], (int) shape[2], (int) shape[3], null, null);
    }
}
