package org.latentmap.families;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.function.BiFunction;
import org.latentmap.Profile;
import org.latentmap.model.LatentModel;
import org.latentmap.train.Trainable;
import org.latentmap.train.TrainingPlan;
import org.latentmap.zoo.ModelFamily;

/**
 * A model family whose latent space has one variable per pixel (a flow, a diffusion model), written against the
 * {@link ModelFamily} interface itself: {@link ModelFamily#of} checks that every model has the family's one latent
 * size, which a per-pixel code cannot have (1,024 variables on 32x32 grey images, 3,072 on 32x32 colour ones, 12,288
 * on CelebA's 64x64). {@link #latentSize()} gives a 32x32 grey image's; a model gives its own.
 */
record PerPixelFamily(
        String key,
        String displayName,
        ModelFamily.Builder builder,
        BiFunction<LatentModel, TrainingPlan, Trainable> trainings,
        BiFunction<Profile, Long, TrainingPlan> plans)
        implements ModelFamily {

    /** A 32x32 grey image's pixels; a model built for other images has C x H x W variables. */
    @Override
    public int latentSize() {
        return 32 * 32;
    }

    @Override
    public TrainingPlan plan(Profile profile, long seed) {
        return plans.apply(profile, seed);
    }

    @Override
    public LatentModel create(String name, NDManager manager, Shape imageShape) {
        LatentModel model = builder.create(name, manager, imageShape);
        if (model.latentSize() != imageShape.size()) {
            throw new IllegalStateException("family " + key + " has one latent variable per pixel, "
                    + imageShape.size() + " for images " + imageShape + ", but built a model with "
                    + model.latentSize());
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
