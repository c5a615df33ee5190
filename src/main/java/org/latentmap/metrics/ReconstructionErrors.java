package org.latentmap.metrics;

import java.nio.FloatBuffer;
import org.latentmap.data.ImageSet;
import org.latentmap.store.Rule;
import org.latentmap.store.ValueStore;
import org.latentmap.train.ReconstructionError;
import org.latentmap.zoo.TrainedModel;
import org.latentmap.zoo.ZooStore;

/**
 * A zoo model's reconstruction error on each image (the terms of R-MSE, computed by {@link ReconstructionError}),
 * stored beside its checkpoint by the {@link ZooStore}: computed once for a model and images, read afterwards.
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
        // the errors are computed in single precision, so storing them as floats keeps them exactly
        FloatBuffer stored = store.bytes(model, images, RULE, 4L * images.size(), () -> {
                    double[] errors = ReconstructionError.perImage(model.model(), images);
                    float[] values = new float[errors.length];
                    for (int i = 0; i < errors.length; i++) {
                        values[i] = (float) errors[i];
                    }
                    return ValueStore.of(values);
                })
                .asFloatBuffer();
        double[] errors = new double[images.size()];
        for (int i = 0; i < errors.length; i++) {
            errors[i] = stored.get();
        }
        return errors;
    }
}
