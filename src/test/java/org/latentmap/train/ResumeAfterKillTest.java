package org.latentmap.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentmap.data.ImageSet;
import org.latentmap.zoo.ModelFamily;

class ResumeAfterKillTest {
    static final ImageSet DATA = Runs.images(64, 21);

    @Test
    void aTrainingKilledPartWayResumesFromItsCheckpointToTheSameEnd(@TempDir Path folder) throws Exception {
        Path checkpoint = Runs.checkpoint(folder);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(
                        java,
                        "-Dai.djl.offline=true",
                        "-cp",
                        System.getProperty("java.class.path"),
                        SlowTrainingMain.class.getName(),
                        checkpoint.toString()))
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("log.txt").toFile())
                .start();
        long killedAt;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!(Files.exists(checkpoint) && Checkpoint.header(checkpoint).step() >= 6)) {
                assertTrue(process.isAlive(), () -> "the training process ended early: " + log(folder));
                assertTrue(System.nanoTime() < deadline, "no checkpoint at step 6 within 2 minutes");
                Thread.sleep(20);
            }
        } finally {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        killedAt = Checkpoint.header(checkpoint).step();
        assertTrue(killedAt < SlowTrainingMain.PLAN.totalSteps(), "killed before the end, at step " + killedAt);

        try (NDManager manager = NDManager.newBaseManager()) {
            Training resumed = Runs.training(manager, ModelFamily.VAE, SlowTrainingMain.PLAN, DATA, null);
            assertEquals(SlowTrainingMain.PLAN.totalSteps() - killedAt, resumed.run(checkpoint));
            Training straight = Runs.training(manager, ModelFamily.VAE, SlowTrainingMain.PLAN, DATA, null);
            straight.run(null);
            assertArrayEquals(Runs.state(straight), Runs.state(resumed), "resumed after a kill at step " + killedAt);
            assertEquals(straight.history().size(), resumed.history().size());
        }
    }

    private static String log(Path folder) {
        try {
            return Files.readString(folder.resolve("log.txt"));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
