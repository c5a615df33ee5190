package org.latentmap.relocation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.latentmap.data.ImageSet;
import org.latentmap.engine.GradMode;
import org.latentmap.model.LatentModel;
import org.latentmap.model.Sampling;

/** Codes kept as Java arrays, decoded in batches: into images, or straight into their error against images. */
public final class Decoding {
    private static final int BATCH = 250;

    private Decoding() {}

    /** Mean squared error per pixel between each image and the decoding of its code. */
    static double[] errors(LatentModel model, float[][] codes, ImageSet images) {
        if (codes.length != images.size()) {
            throw new IllegalArgumentException(codes.length + " codes for " + images.size() + " images");
        }
        GradMode.offForThisThread();
        double[] errors = new double[codes.length];
        for (int from = 0; from < codes.length; from += BATCH) {
            int to = Math.min(codes.length, from + BATCH);
            try (NDManager manager = NDManager.newBaseManager()) {
                NDArray x = images.toNDArray(manager, from, to);
                NDArray decoded = model.decode(toNDArray(manager, codes, from, to, model.latentSize()));
                float[] batch = x.sub(decoded)
                        .square()
                        .reshape(to - from, -1)
                        .mean(new int[] {1})
                        .toFloatArray();
                for (int i = 0; i < batch.length; i++) {
                    errors[from + i] = batch[i];
                }
            }
        }
        return errors;
    }

    /** The decoded images of some codes, in batches ({@link Sampling#decoded}). */
    public static ImageSet images(LatentModel model, float[][] codes) {
        if (codes.length == 0) {
            throw new IllegalArgumentException("no codes to decode");
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            return Sampling.decoded(model, toNDArray(manager, codes, 0, codes.length, model.latentSize()));
        }
    }

    static NDArray toNDArray(NDManager manager, float[][] codes, int from, int to, int size) {
        float[] flat = new float[(to - from) * size];
        for (int i = from; i < to; i++) {
            if (codes[i].length != size) {
                throw new IllegalArgumentException(
                        "a code of size " + codes[i].length + " for a latent space of size " + size);
            }
            System.arraycopy(codes[i], 0, flat, (i - from) * size, size);
        }
        return manager.create(flat, new Shape(to - from, size));
    }
}
