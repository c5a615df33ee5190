package org.latentmap.features;

import ai.djl.ndarray.NDManager;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.latentmap.data.ImageSet;
import org.latentmap.engine.GradMode;
import org.latentmap.model.LatentModel;
import org.latentmap.store.Rule;
import org.latentmap.store.ValueStore;
import org.latentmap.zoo.TrainedModel;
import org.latentmap.zoo.ZooStore;

/**
 * The latent codes of a data set under a model, one row per image, computed in batches; for a zoo model,
 * read from the {@link ZooStore} when an earlier run or notebook computed them.
 */
public final class Codes {
    /** The codes: {@code model.encode}, the posterior mean for the VAEs, the re-coder for a GAN. */
    public static final Rule RULE = new Rule("encode v1", "codes");

    private static final int BATCH = 256;

    private Codes() {}

    /** The codes of {@code images} under a zoo model: stored beside its checkpoint, computed only the first time. */
    public static float[][] of(TrainedModel model, ImageSet images) {
        return of(model, images, ZooStore.standard());
    }

    /** The same, read from or kept in {@code store}. */
    public static float[][] of(TrainedModel model, ImageSet images, ZooStore store) {
        int latent = model.model().latentSize();
        FloatBuffer flat = store.bytes(model, images, RULE, 4L * images.size() * latent, () -> {
                    float[][] codes = of(model.model(), images);
                    float[] values = new float[codes.length * latent];
                    for (int i = 0; i < codes.length; i++) {
                        System.arraycopy(codes[i], 0, values, i * latent, latent);
                    }
                    return ValueStore.of(values);
                })
                .asFloatBuffer();
        float[][] rows = new float[images.size()][latent];
        for (float[] row : rows) {
            flat.get(row);
        }
        return rows;
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
