package org.latentmap.features;

import java.nio.FloatBuffer;
import org.latentmap.data.ImageSet;
import org.latentmap.linalg.CodeMatrix;
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
    public static CodeMatrix of(TrainedModel model, ImageSet images) {
        return of(model, images, ZooStore.standard());
    }

    /** The same, read from or kept in {@code store}. */
    public static CodeMatrix of(TrainedModel model, ImageSet images, ZooStore store) {
        int latent = model.model().latentSize();
        FloatBuffer flat = store.bytes(
                        model,
                        images,
                        RULE,
                        4L * images.size() * latent,
                        () -> ValueStore.of(of(model.model(), images).values()))
                .asFloatBuffer();
        return CodeMatrix.of(flat, latent);
    }

    /** The codes of {@code images} under {@code model}, computed now. */
    public static CodeMatrix of(LatentModel model, ImageSet images) {
        return CodeMatrix.inBatches(
                images.size(),
                model.latentSize(),
                BATCH,
                (manager, from, to) -> model.encode(images.toNDArray(manager, from, to)));
    }
}
