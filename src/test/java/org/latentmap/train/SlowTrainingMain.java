package org.latentmap.train;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import org.latentmap.zoo.ModelFamily;

/**
 * Run in a separate JVM by {@link ResumeAfterKillTest}: the test's VAE training, slowed down by a pause
 * before every batch so that the test can kill it part way. Argument: the checkpoint file.
 */
public final class SlowTrainingMain {
    static final TrainingPlan PLAN = Runs.plan(ModelFamily.VAE, 30, 0, 9);

    private SlowTrainingMain() {}

    public static void main(String[] args) {
        ShuffledBatches batches = new ShuffledBatches(ResumeAfterKillTest.DATA, PLAN.batchSize(), PLAN.seed());
        try (NDManager manager = NDManager.newBaseManager()) {
            Runs.training(manager, ModelFamily.VAE, PLAN, ResumeAfterKillTest.DATA, (m, step) -> {
                        try {
                            Thread.sleep(150);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return batches.batch(m, step);
                    })
                    .run(Path.of(args[0]));
        }
    }
}
