package org.latentmap.zoo;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Objects;
import java.util.function.BiFunction;
import org.latentmap.Profile;
import org.latentmap.model.LatentModel;
import org.latentmap.train.Trainable;
import org.latentmap.train.TrainingPlan;

/** A model family made of lambdas ({@link ModelFamily#of}). */
record LambdaFamily(
        String key,
        String displayName,
        int latentSize,
        ModelFamily.Builder builder,
        BiFunction<LatentModel, TrainingPlan, Trainable> trainings,
        BiFunction<Profile, Long, TrainingPlan> plans)
        implements ModelFamily {

    LambdaFamily {
        if (key == null || !key.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("a model family's key is lower-case letters, digits and '-' (it names"
                    + " checkpoint files), got '" + key + "'");
        }
        if (latentSize < 1) {
            throw new IllegalArgumentException("a latent space has at least 1 variable, got " + latentSize);
        }
        Objects.requireNonNull(builder, "builder");
        Objects.requireNonNull(trainings, "training");
        Objects.requireNonNull(plans, "plan");
    }

    @Override
    public TrainingPlan plan(Profile profile, long seed) {
        return plans.apply(profile, seed);
    }

    @Override
    public LatentModel create(String name, NDManager manager, Shape imageShape) {
        LatentModel model = builder.create(name, manager, imageShape);
        if (model.latentSize() != latentSize) {
            throw new IllegalStateException("family " + key + " says " + latentSize
                    + " latent variables but built a model" + " with " + model.latentSize() + ": make them agree");
        }
        return model;
    }

    @Override
    public Trainable training(LatentModel model, TrainingPlan plan) {
        return trainings.apply(model, plan);
    }

    @Override
    public String toString() {
        return displayName;
    }
}
