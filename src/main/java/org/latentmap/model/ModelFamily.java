package org.latentmap.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.latentmap.Profile;
import org.latentmap.train.GanTraining;
import org.latentmap.train.Trainable;
import org.latentmap.train.TrainingPlan;
import org.latentmap.train.VaeTraining;

import java.util.List;
import java.util.Locale;

/**
 * The model families: the three of paper Sect. 4.2 that every comparison uses ({@link #COMPARED}), and the
 * small StyleGAN of Sect. 7; with their latent sizes, how to build a fresh model from a seed, and how long
 * each trains in each {@link Profile}.
 */
public enum ModelFamily {
    VAE("VAE", Vae.LATENT),
    GAN("GAN", Gan.LATENT),
    SPLIT_VAE("Split-VAE", SplitVae.LATENT),
    STYLE_GAN("StyleGAN", StyleGan.LATENT);

    /** The families of paper Sect. 4.2, the paper's 15 models: VAE, GAN, Split-VAE. */
    public static final List<ModelFamily> COMPARED = List.of(VAE, GAN, SPLIT_VAE);

    private final String displayName;
    private final int latentSize;

    ModelFamily(String displayName, int latentSize) {
        this.displayName = displayName;
        this.latentSize = latentSize;
    }

    public String displayName() {
        return displayName;
    }

    public int latentSize() {
        return latentSize;
    }

    /** A short file-name form: "vae", "gan", "split-vae", "style-gan". */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Reads "vae", "gan", "split-vae", "style-gan" (or the enum names). */
    public static ModelFamily parse(String text) {
        for (ModelFamily family : values()) {
            if (family.key().equalsIgnoreCase(text.strip()) || family.name().equalsIgnoreCase(text.strip())) {
                return family;
            }
        }
        throw new IllegalArgumentException("unknown model family '" + text + "': use vae, gan, split-vae or style-gan");
    }

    /**
     * How this family trains in a profile. Full, measured on 2 cores: about 55 s (VAE, 1,000 steps), 70 s
     * (Split-VAE, 600) and 3 min (GAN, 1,200 adversarial and 1,000 re-coder steps) per model, the 15 models in
     * 26 minutes; smoke: seconds; paper: ten times the full profile's steps.
     */
    public TrainingPlan plan(Profile profile, long seed) {
        int batch = profile.pick(64, 32, 64);
        int every = profile.pick(100, 4, 500);
        return switch (this) {
            case VAE -> new TrainingPlan(profile.pick(1000, 12, 10000), 0, batch, 1e-3, every, seed);
            case GAN -> new TrainingPlan(profile.pick(1200, 12, 12000), profile.pick(1000, 6, 10000), batch, 2e-4, every, seed);
            case SPLIT_VAE -> new TrainingPlan(profile.pick(600, 12, 6000), 0, batch, 1e-3, every, seed);
            case STYLE_GAN -> new TrainingPlan(profile.pick(1500, 12, 15000), profile.pick(600, 6, 6000), batch, 2e-4, every, seed);
        };
    }

    /** A new model with parameters initialised from {@code seed}. */
    public LatentModel create(String name, NDManager manager, Shape imageShape, long seed) {
        Engine.getInstance().setRandomSeed((int) (seed & 0x7fffffff));
        return switch (this) {
            case VAE -> Vae.create(name, manager, imageShape, latentSize);
            case GAN -> Gan.create(name, manager, imageShape, latentSize);
            case SPLIT_VAE -> SplitVae.create(name, manager, imageShape, latentSize);
            case STYLE_GAN -> StyleGan.create(name, manager, imageShape, latentSize);
        };
    }

    /** The training of a model of this family under {@code plan}. */
    public Trainable training(LatentModel model, TrainingPlan plan) {
        return switch (this) {
            case VAE -> new VaeTraining((Vae) model, plan, GammaBalance.vanilla());
            case GAN -> GanTraining.forGan((Gan) model, plan);
            case SPLIT_VAE -> new VaeTraining((SplitVae) model, plan, GammaBalance.splitVae());
            // StyleGAN's non-saturating logistic loss: real images labelled 1
            case STYLE_GAN -> new GanTraining((StyleGan) model, plan, 1f);
        };
    }
}
