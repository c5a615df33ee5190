package org.latentmap.zoo;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.function.Supplier;
import org.latentmap.data.ImageSet;
import org.latentmap.store.Rule;
import org.latentmap.store.ValueStore;
import org.latentmap.train.ReconstructionError;

/**
 * A zoo model's reconstruction error on each image (the terms of R-MSE, paper Sect. 6, computed by {@link
 * ReconstructionError}), stored beside its checkpoint by the {@link ZooStore}: computed once for a model and images,
 * read afterwards. The zoo's own health check reads its errors here too, so that a notebook loading the 15 models
 * does not reconstruct 256 images with each every time.
 */
public final class ReconstructionErrors {
    /** The per-image mean squared error of decode(encode(x)). */
    public static final Rule RULE = new Rule("reconstruction-mse v1", "reconstruction errors");

    private ReconstructionErrors() {}

    /** Each image's reconstruction error under {@code model}: read if stored, else computed and stored. */
    public static double[] of(TrainedModel model, ImageSet images) {
        return of(model, images, ZooStore.standard());
    }

    /** The same, read from or kept in {@code store}. */
    public static double[] of(TrainedModel model, ImageSet images, ZooStore store) {
        return of(model, images, store, true);
    }

    /**
     * The same; {@code announce} false stores them without a line (for the health check, which runs on every model
     * the zoo hands out).
     */
    static double[] of(TrainedModel model, ImageSet images, ZooStore store, boolean announce) {
        // the errors are computed in single precision, so storing them as floats keeps them exactly
        Supplier<ByteBuffer> computation = () -> {
            double[] errors = ReconstructionError.perImage(model.model(), images);
            float[] values = new float[errors.length];
            for (int i = 0; i < errors.length; i++) {
                values[i] = (float) errors[i];
            }
            return ValueStore.of(values);
        };
        long bytes = 4L * images.size();
        FloatBuffer stored = (announce
                        ? store.bytes(model, images, RULE, bytes, computation)
                        : store.quietBytes(model, images, RULE, bytes, computation))
                .asFloatBuffer();
        double[] errors = new double[images.size()];
        for (int i = 0; i < errors.length; i++) {
            errors[i] = stored.get();
        }
        return errors;
    }
}
