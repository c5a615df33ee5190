package org.latentmap.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.latentmap.zoo.ModelFamily;

class TrainingUnderGcTest {
    @Test
    void gcStormLeavesTheGanBytesAlone() throws Exception {
        String quiet = train(false);
        String storm = train(true);
        System.out.println("quiet " + quiet + " storm " + storm);
        assertEquals(quiet, storm);
    }

    private static String train(boolean storm) throws Exception {
        AtomicBoolean running = new AtomicBoolean(storm);
        Thread collector = new Thread(() -> {
            while (running.get()) {
                System.gc();
            }
        });
        collector.setDaemon(true);
        if (storm) collector.start();
        try (NDManager manager = NDManager.newBaseManager()) {
            TrainingPlan plan = Runs.plan(ModelFamily.GAN, 2, 30, 7);
            Training training = Runs.training(manager, ModelFamily.GAN, plan, Runs.images(64, 3), null);
            training.run(null);
            System.out.println(training.history());
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Runs.state(training)));
        } finally {
            running.set(false);
            collector.join();
        }
    }
}
