package org.latentmap.features;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.latentmap.data.ImageSet;
import org.latentmap.model.LatentModel;
import org.latentmap.train.GradMode;

/** The latent codes of a data set under a model, one row per image, computed in batches. */
public final class Codes {
    private static final int BATCH = 256;

    private Codes() {
    }

    public static float[][] of(LatentModel model, ImageSet images) {
        GradMode.offForThisThread();
        float[][] codes = new float[images.size()][];
        int latent = model.latentSize();
        for (int from = 0; from < images.size(); from += BATCH) {
            int to = Math.min(images.size(), from + BATCH);
            try (NDManager manager = NDManager.newBaseManager()) {
                float[] flat = model.encode(images.toNDArray(manager, from, to)).toFloatArray();
                for (int i = 0; i < to - from; i++) {
                    codes[from + i] = java.util.Arrays.copyOfRange(flat, i * latent, (i + 1) * latent);
                }
            }
        }
        return codes;
    }
}
