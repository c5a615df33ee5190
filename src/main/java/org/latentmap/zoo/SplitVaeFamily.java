package org.latentmap.zoo;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.latentmap.Profile;
import org.latentmap.model.GammaBalance;
import org.latentmap.model.LatentModel;
import org.latentmap.model.SplitVae;
import org.latentmap.train.Trainable;
import org.latentmap.train.TrainingPlan;
import org.latentmap.train.VaeTraining;

/** The Split-VAE of paper Sect. 4.2, as a zoo family. */
final class SplitVaeFamily implements ModelFamily {
    @Override
    public String key() {
        return "split-vae";
    }

    @Override
    public String displayName() {
        return "Split-VAE";
    }

    @Override
    public int latentSize() {
        return SplitVae.LATENT;
    }

    @Override
    public TrainingPlan plan(Profile profile, long seed) {
        return ModelFamily.standardPlan(profile, seed, profile.pick(600, 12, 6000), 0, 1e-3);
    }

    @Override
    public LatentModel create(String name, NDManager manager, Shape imageShape) {
        return SplitVae.create(name, manager, imageShape, latentSize());
    }

    @Override
    public Trainable training(LatentModel model, TrainingPlan plan) {
        return new VaeTraining((SplitVae) model, plan, GammaBalance.splitVae());
    }

    @Override
    public String toString() {
        return displayName();
    }
}
