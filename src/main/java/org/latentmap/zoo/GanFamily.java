package org.latentmap.zoo;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.latentmap.Profile;
import org.latentmap.model.Gan;
import org.latentmap.model.LatentModel;
import org.latentmap.train.GanTraining;
import org.latentmap.train.Trainable;
import org.latentmap.train.TrainingPlan;

/** The GAN with a re-coder of paper Sect. 4.2, as a zoo family. */
final class GanFamily implements ModelFamily {
    @Override
    public String key() {
        return "gan";
    }

    @Override
    public String displayName() {
        return "GAN";
    }

    @Override
    public int latentSize() {
        return Gan.LATENT;
    }

    @Override
    public TrainingPlan plan(Profile profile, long seed) {
        return ModelFamily.standardPlan(
                profile, seed, profile.pick(1200, 12, 12000), profile.pick(1000, 6, 10000), 2e-4);
    }

    @Override
    public LatentModel create(String name, NDManager manager, Shape imageShape) {
        return Gan.create(name, manager, imageShape, latentSize());
    }

    @Override
    public Trainable training(LatentModel model, TrainingPlan plan) {
        return GanTraining.forGan((Gan) model, plan);
    }

    @Override
    public String toString() {
        return displayName();
    }
}
