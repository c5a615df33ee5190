package org.latentmap.train;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.latentmap.data.ImageSet;
import org.latentmap.testing.HandModels;
import org.latentmap.zoo.ModelFamily;

/** Small trainings for the tests: random 32x32 images, a few steps, a fresh model per run. */
final class Runs {
    private Runs() {}

    static ImageSet images(int count, long seed) {
        return HandModels.noise(count, seed);
    }

    static TrainingPlan plan(ModelFamily family, int steps, int recoderSteps, long seed) {
        return new TrainingPlan(steps, recoderSteps, 8, family == ModelFamily.GAN ? 2e-4 : 1e-3, 2, seed);
    }

    /** A fresh model of the family, with the training for {@code plan}, on {@code data}. */
    static Training training(NDManager manager, ModelFamily family, TrainingPlan plan, ImageSet data, Batches batches) {
        var model = family.create("test", manager, new Shape(1, 32, 32), plan.seed());
        Trainable trainable = family.training(model, plan);
        return new Training(
                trainable,
                batches != null ? batches : new ShuffledBatches(data, plan.batchSize(), plan.seed()),
                plan,
                "test " + family + " " + plan);
    }

    /** Everything the trainable saves (parameters and optimizer moments), as bytes. */
    static byte[] state(Training training) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            training.trainable().save(new DataOutputStream(bytes));
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path checkpoint(Path folder) {
        return folder.resolve("model.ckpt");
    }
}
