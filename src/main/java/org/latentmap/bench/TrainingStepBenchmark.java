package org.latentmap.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Locale;
import org.latentmap.Profile;
import org.latentmap.data.FashionMnist;
import org.latentmap.engine.Allotment;
import org.latentmap.engine.GradMode;
import org.latentmap.families.TodaysFamilies;
import org.latentmap.model.LatentModel;
import org.latentmap.train.Trainable;
import org.latentmap.train.TrainingPlan;
import org.latentmap.zoo.ModelFamily;

/**
 * Times training steps of one model family (benchmark/run.sh compares them with the same networks in
 * PyTorch for Python): 5 warm-up steps, then {@code STEPS} timed ones on one batch of Fashion-MNIST.
 * Prints "FAMILY IMAGES_PER_SECOND". Usage: {@code TrainingStepBenchmark FAMILY BATCH STEPS}. The engine's idle
 * threads wait as the notebooks' do ({@link Allotment#prepareProcess}): the step is timed as the walkthrough runs it.
 */
public final class TrainingStepBenchmark {
    private TrainingStepBenchmark() {}

    public static void main(String[] args) {
        Allotment.prepareProcess(); // before the engine loads
        TodaysFamilies.register();
        ModelFamily family = ModelFamily.parse(args[0]);
        int batch = Integer.parseInt(args[1]);
        int steps = Integer.parseInt(args[2]);
        GradMode.offForThisThread();
        try (NDManager manager = NDManager.newBaseManager()) {
            LatentModel model = family.create("benchmark", manager, new Shape(1, 32, 32), 1);
            TrainingPlan plan = new TrainingPlan(
                    Integer.MAX_VALUE / 2,
                    0,
                    batch,
                    family.plan(Profile.FULL, 1).learningRate(),
                    1000,
                    1);
            Trainable trainable = family.training(model, plan);
            NDArray data = FashionMnist.train().head(batch).toNDArray(manager);
            for (int i = 0; i < 5; i++) {
                step(trainable, manager, data, i);
            }
            long started = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                step(trainable, manager, data, 5 + i);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.println(String.format(Locale.ROOT, "%s %.1f", family.key(), batch * steps / seconds));
        }
    }

    /** One training step on a copy of {@code data}, freed with its sub-manager (shared with {@link CelebACost}). */
    static void step(Trainable trainable, NDManager manager, NDArray data, long step) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray batch = data.duplicate();
            batch.attach(scope);
            trainable.step(batch, step);
        }
    }
}
