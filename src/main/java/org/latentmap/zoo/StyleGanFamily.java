package org.latentmap.zoo;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.latentmap.Profile;
import org.latentmap.model.LatentModel;
import org.latentmap.model.style.StyleGan;
import org.latentmap.train.GanTraining;
import org.latentmap.train.Trainable;
import org.latentmap.train.TrainingPlan;

/** The small StyleGAN of paper Sect. 7 (its non-saturating logistic loss: real images labelled 1), as a zoo family. */
final class StyleGanFamily implements ModelFamily {
    @Override
    public String key() {
        return "style-gan";
    }

    @Override
    public String displayName() {
        return "StyleGAN";
    }

    @Override
    public int latentSize() {
        return StyleGan.LATENT;
    }

    @Override
    public TrainingPlan plan(Profile profile, long seed) {
        return ModelFamily.standardPlan(profile, seed, profile.pick(1500, 12, 15000), profile.pick(600, 6, 6000), 2e-4);
    }

    @Override
    public LatentModel create(String name, NDManager manager, Shape imageShape) {
        return StyleGan.create(name, manager, imageShape, latentSize());
    }

    @Override
    public Trainable training(LatentModel model, TrainingPlan plan) {
        return new GanTraining((StyleGan) model, plan, 1f);
    }

    @Override
    public String toString() {
        return displayName();
    }
}
