package org.latentmap.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentmap.zoo.ModelFamily;

/**
 * Issue 29's first cause, reproduced in a form that fits the test run: a GAN trained through 30 re-coder steps with a
 * thread calling the garbage collector in a loop beside it must save the same bytes (weights and optimizer state) as
 * the same training alone. Before the engine constants (Tensors.scalar), the re-coder's gradient divided by a number
 * in Java-owned memory that the collector freed and reused: the two runs gave other bytes (4af977a8... against
 * 1b0264bb... before oneDNN was pinned; with that division put back on the pinned engine, 33183a2d... quietly and
 * other bytes beside the collector). Run in a fresh JVM with a small heap ({@link #main}): back-to-back full
 * collections of the test run's own large heap made it take a minute; young collections, a pause between full ones,
 * or 12 re-coder steps did not catch the fault. The child's engine threads spin while idle (OMP_WAIT_POLICY=ACTIVE,
 * the engine's own default): waiting passively beside a thread that collects without pause took 38 s instead of 15 s,
 * and with the fault put back (Gan.toUnit dividing by 2f) the spinning child gave other bytes beside the collector
 * in two runs of two (7ec120ec..., 185630fa...).
 */
class TrainingUnderGcTest {
    static final int RECODER_STEPS = 30;

    @Test
    void aCollectorRunningBesideTheTrainingLeavesItsBytesAlone(@TempDir Path folder) throws Exception {
        Path log = folder.resolve("log.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        java,
                        "-Dai.djl.offline=true",
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        TrainingUnderGcTest.class.getName()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("OMP_WAIT_POLICY", "ACTIVE");
        Process process = builder.start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the trainings did not end within 5 minutes");
        List<String> lines = Files.readAllLines(log);
        assertEquals(0, process.exitValue(), () -> String.join("\n", lines));
        String quiet = value(lines, "quiet ");
        String collecting = value(lines, "collecting ");
        assertEquals(quiet, collecting, "the GAN's bytes depend on the garbage collector's timing");
    }

    /** Prints the SHA-256 of the training alone, then of the same training beside a collecting thread. */
    public static void main(String[] args) throws Exception {
        System.out.println("quiet " + train(false));
        System.out.println("collecting " + train(true));
    }

    private static String value(List<String> lines, String prefix) {
        return lines.stream()
                .filter(l -> l.startsWith(prefix))
                .map(l -> l.substring(prefix.length()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no '" + prefix + "' line in " + lines));
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
            TrainingPlan plan = Runs.plan(ModelFamily.GAN, 2, RECODER_STEPS, 7);
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
