package org.latentmap.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentmap.train.Checkpoint;

/** Several processes on one zoo (two notebooks, a cluster's units): one training per model, resumed after a kill. */
class ZooConcurrencyTest {
    @TempDir
    Path temp;

    /** A child JVM asking {@code zoo} for the model; one engine thread, waiting passively (2-core machines). */
    private static Process start(Path zoo, int steps, int every, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        TrainOneModel.class.getName(),
                        zoo.toString(),
                        String.valueOf(steps),
                        String.valueOf(every))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("OMP_NUM_THREADS", "1");
        builder.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        return builder.start();
    }

    private static String finish(Process process, Path log) throws Exception {
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the process ended");
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), out);
        return out;
    }

    private static Path checkpoint(Path zoo) {
        return zoo.resolve("noise/smoke/vae-seed1.ckpt");
    }

    @Test
    void twoProcessesAskingForOneModelTrainItOnce() throws Exception {
        Path zoo = temp.resolve("zoo");
        Process first = start(zoo, 80, 10, temp.resolve("first.log")); // long enough for the second to find it at work
        Path lock = ModelZoo.lockFile(checkpoint(zoo));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(lock) && first.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Process second = start(zoo, 80, 10, temp.resolve("second.log"));
        String one = finish(first, temp.resolve("first.log"));
        String two = finish(second, temp.resolve("second.log"));
        assertTrue(one.contains("trained 80 steps"), one);
        assertTrue(two.contains("Waiting for VAE seed 1, which the process on ") && two.contains("loaded"), two);
        assertEquals(sha(one), sha(two), "the second read the first's checkpoint");
        assertTrue(!Files.exists(lock), "the lock is gone");
    }

    @Test
    void aKilledTrainingIsTakenOverAndADamagedOneTrainedAgainBothToTheSameBytes() throws Exception {
        Path zoo = temp.resolve("zoo");
        Process killed = start(zoo, 40, 10, temp.resolve("killed.log"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && killed.isAlive() && !midway(checkpoint(zoo))) {
            Thread.sleep(5);
        }
        killed.destroyForcibly().waitFor(); // SIGKILL: no clean-up, the lock stays
        assertTrue(Files.exists(ModelZoo.lockFile(checkpoint(zoo))), "a killed holder leaves its lock");
        long stepAtKill = Checkpoint.header(checkpoint(zoo)).step();
        assertTrue(stepAtKill < 40, "killed mid-training, at step " + stepAtKill);
        String resumed = finish(start(zoo, 40, 10, temp.resolve("resumed.log")), temp.resolve("resumed.log"));
        assertTrue(
                resumed.contains("Taking over VAE seed 1: the process that held it (") && resumed.contains("has ended"),
                resumed);
        assertTrue(resumed.contains("trained 40 steps"), resumed);

        // the finished checkpoint truncated: said damaged and trained again, uninterrupted, from the first step
        byte[] bytes = Files.readAllBytes(checkpoint(zoo));
        Files.write(checkpoint(zoo), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        String again = finish(start(zoo, 40, 10, temp.resolve("again.log")), temp.resolve("again.log"));
        assertTrue(
                again.contains("The cached vae-seed1.ckpt is damaged (") && again.contains("training it again."),
                again);
        assertTrue(again.contains("trained 40 steps"), again);
        assertEquals(
                sha(again),
                sha(resumed),
                "the training resumed from step " + stepAtKill + " equals an uninterrupted one");
    }

    private static boolean midway(Path checkpoint) {
        try {
            long step = Checkpoint.header(checkpoint).step();
            return step >= 10 && step < 40;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String sha(String out) {
        return out.lines()
                .filter(l -> l.startsWith("sha256 "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no checkpoint hash in: " + out));
    }
}
