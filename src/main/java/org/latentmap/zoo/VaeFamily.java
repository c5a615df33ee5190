package org.latentmap.zoo;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.latentmap.Profile;
import org.latentmap.model.GammaBalance;
import org.latentmap.model.LatentModel;
import org.latentmap.model.Vae;
import org.latentmap.train.Trainable;
import org.latentmap.train.TrainingPlan;
import org.latentmap.train.VaeTraining;

/** The vanilla VAE of paper Sect. 4.2, as a zoo family. */
final class VaeFamily implements ModelFamily {
    @Override
    public String key() {
        return "vae";
    }

    @Override
    public String displayName() {
        return "VAE";
    }

    @Override
    public int latentSize() {
        return Vae.LATENT;
    }

    @Override
    public TrainingPlan plan(Profile profile, long seed) {
        return ModelFamily.standardPlan(profile, seed, profile.pick(1000, 12, 10000), 0, 1e-3);
    }

    @Override
    public LatentModel create(String name, NDManager manager, Shape imageShape) {
        return Vae.create(name, manager, imageShape, latentSize());
    }

    @Override
    public Trainable training(LatentModel model, TrainingPlan plan) {
        return new VaeTraining((Vae) model, plan, GammaBalance.vanilla());
    }

    @Override
    public String toString() {
        return displayName();
    }
}
