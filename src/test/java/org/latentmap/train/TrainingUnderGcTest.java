package org.latentmap.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.latentmap.zoo.ModelFamily;

/**
 * Issue 29's first cause, reproduced in a form that fits the test run: a GAN trained through its re-coder phase with
 * a thread calling the garbage collector in a loop beside it must save the same bytes (weights and optimizer state)
 * as the same training alone. Before the engine constants (Tensors.scalar), the re-coder's gradient divided by a
 * number in Java-owned memory that the collector freed and reused: the two runs gave 4af977a8... and 1b0264bb....
 */
class TrainingUnderGcTest {

    @Test
    void aCollectorRunningBesideTheTrainingLeavesItsBytesAlone() throws Exception {
        assertEquals(train(false), train(true), "the GAN's bytes depend on the garbage collector's timing");
    }

    private static String train(boolean collecting) throws Exception {
        AtomicBoolean running = new AtomicBoolean(collecting);
        Thread collector = new Thread(() -> {
            while (running.get()) {
                System.gc();
            }
        });
        collector.setDaemon(true);
        if (collecting) {
            collector.start();
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            TrainingPlan plan = Runs.plan(ModelFamily.GAN, 2, 30, 7);
            Training training = Runs.training(manager, ModelFamily.GAN, plan, Runs.images(64, 3), null);
            training.run(null);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Runs.state(training)));
        } finally {
            running.set(false);
            if (collecting) {
                collector.join();
            }
        }
    }
}
