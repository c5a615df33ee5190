package org.latentmap.features;

import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import org.latentmap.data.ImageSet;
import org.latentmap.engine.GradMode;
import org.latentmap.model.LatentModel;
import org.latentmap.zoo.TrainedModel;

/**
 * The latent codes of a data set under a model, one row per image, computed in batches; for a zoo model,
 * read from the {@link CodeStore} when an earlier run or notebook computed them.
 */
public final class Codes {
    private static final int BATCH = 256;

    private Codes() {}

    /** The codes of {@code images} under a zoo model: stored beside its checkpoint, computed only the first time. */
    public static float[][] of(TrainedModel model, ImageSet images) {
        return CodeStore.standard().codes(model, images);
    }

    /** The codes of {@code images} under {@code model}, computed now. */
    public static float[][] of(LatentModel model, ImageSet images) {
        GradMode.offForThisThread();
        float[][] codes = new float[images.size()][];
        int latent = model.latentSize();
        for (int from = 0; from < images.size(); from += BATCH) {
            int to = Math.min(images.size(), from + BATCH);
            try (NDManager manager = NDManager.newBaseManager()) {
                float[] flat = model.encode(images.toNDArray(manager, from, to)).toFloatArray();
                for (int i = 0; i < to - from; i++) {
                    codes[from + i] = Arrays.copyOfRange(flat, i * latent, (i + 1) * latent);
                }
            }
        }
        return codes;
    }
}
