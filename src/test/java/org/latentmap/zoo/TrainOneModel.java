package org.latentmap.zoo;

import java.nio.file.Path;
import org.latentmap.Profile;
import org.latentmap.testing.HandModels;
import org.latentmap.train.Progress;
import org.latentmap.train.TrainingPlan;

/**
 * A process that asks a zoo for one small model, as a notebook or a cluster unit does: {@code folder steps every}
 * trains VAE seed 1 (smoke) on made images for {@code steps} steps, a checkpoint every {@code every}. Prints
 * "trained N steps" or "loaded", and the checkpoint's SHA-256. For the zoo's concurrency tests.
 */
public final class TrainOneModel {
    private TrainOneModel() {}

    public static void main(String[] args) {
        Path folder = Path.of(args[0]);
        int steps = Integer.parseInt(args[1]);
        int every = Integer.parseInt(args[2]);
        TrainedModel model = ModelZoo.at(folder)
                .progress(Progress.SILENT)
                .adjustPlans(
                        plan -> new TrainingPlan(steps, 0, plan.batchSize(), plan.learningRate(), every, plan.seed()))
                .get(ModelFamily.VAE, 1, Profile.SMOKE, "noise", HandModels.noise(48, 3));
        System.out.println(model.fromCache() ? "loaded" : "trained " + steps + " steps");
        System.out.println("sha256 " + org.latentmap.train.Checkpoint.sha256(model.checkpoint()));
        System.out.flush();
        System.exit(0);
    }
}
