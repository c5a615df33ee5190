package org.latentmap.families;

import java.util.List;
import org.latentmap.Profile;
import org.latentmap.model.diffusion.Diffusion;
import org.latentmap.model.flow.RealNvp;
import org.latentmap.train.DiffusionTraining;
import org.latentmap.train.FlowTraining;
import org.latentmap.zoo.ModelFamilies;
import org.latentmap.zoo.ModelFamily;

/**
 * The families that came after the paper, added through the zoo's public extension point (the {@link ModelFamily}
 * interface, {@link ModelFamilies#register}) exactly as a user's own would be: a normalizing flow, whose code is the
 * image's exact inverse, and a diffusion model, whose code is its DDIM-inverted noise (Badrinath et al. 2024, arXiv
 * 2407.13449, compare both with the paper's families). Their latent space has one variable per pixel
 * ({@link PerPixelFamily}), so a model's size follows the images it is built for.
 */
public final class TodaysFamilies {
    /** Conditioning networks' width. */
    public static final int FLOW_WIDTH = 32;

    /** A small RealNVP with Glow's 1x1 mixings ({@link RealNvp}), trained by likelihood. */
    public static final ModelFamily FLOW = new PerPixelFamily(
            "flow",
            "RealNVP",
            (name, manager, shape) -> RealNvp.create(name, manager, shape, FLOW_WIDTH),
            (model, plan) -> new FlowTraining((RealNvp) model, plan),
            (profile, seed) -> ModelFamily.standardPlan(profile, seed, profile.pick(1500, 12, 15000), 0, 1e-3));

    /** The U-Net's width at full resolution (twice this below). */
    public static final int DIFFUSION_WIDTH = 16;

    /**
     * A DDPM-trained diffusion model whose code is its DDIM-inverted noise ({@link Diffusion}): {@value
     * Diffusion#DEFAULT_STEPS} DDIM steps, 2 in the smoke profile (each step is a U-Net pass per image: the tests' run
     * stays short).
     */
    public static final ModelFamily DIFFUSION = new PerPixelFamily(
            "diffusion",
            "DDPM",
            (name, manager, shape) -> Diffusion.create(name, manager, shape, DIFFUSION_WIDTH)
                    .withSteps(Profile.current().pick(Diffusion.DEFAULT_STEPS, 2)),
            (model, plan) -> new DiffusionTraining((Diffusion) model, plan),
            (profile, seed) -> ModelFamily.standardPlan(profile, seed, profile.pick(1000, 12, 10000), 0, 1e-3));

    /** The seeds of each family the walkthrough trains: two, to tell a family's spread from its mean. */
    public static final List<Long> SEEDS = List.of(1L, 2L);

    private TodaysFamilies() {}

    /** The families here, in order: the flow, the diffusion model. */
    public static List<ModelFamily> all() {
        return List.of(FLOW, DIFFUSION);
    }

    /** Registers every family here (again: nothing happens) and returns them. */
    public static List<ModelFamily> register() {
        all().forEach(ModelFamilies::register);
        return all();
    }
}
