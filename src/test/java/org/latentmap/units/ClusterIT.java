package org.latentmap.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.latentmap.notebooks.NotebooksIT;

/**
 * The cluster path on a real, single-node Slurm cluster started here (environment/slurm/local-cluster.sh: Debian's
 * Slurm and munge, installed where missing, on 127.0.0.1, its configuration under target/): submit.sh submits the
 * smoke profile's chain for three models (their training units as one job array, their encoding units after them
 * with afterok, then exercise 1's solution, which relocates between them, after those); every unit's result is
 * checked, the notebook must read the units' stored codes instead of computing them, and the daemons are stopped.
 */
class ClusterIT {
    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path CLUSTER = ROOT.resolve("target/slurm-cluster");
    static final Path ZOO = ROOT.resolve("target/slurm-zoo");
    static final Path OUT = ROOT.resolve("target/slurm-walkthrough");
    static final List<String> TRAININGS = List.of("train/vae-seed1", "train/vae-seed2", "train/split-vae-seed1");
    static final String NOTEBOOK = "notebooks/exercises/solutions/01-map-by-hand.ipynb";

    @Test
    void theSmokeChainRunsOnALocalSlurmCluster() throws Exception {
        assumeTrue(!"false".equals(System.getProperty("latentmap.cluster")), "left out by -Dlatentmap.cluster=false");
        assumeTrue(
                "root".equals(System.getProperty("user.name")),
                "the local Slurm cluster runs its daemons as root (environment/slurm/local-cluster.sh)");
        assertTrue(Files.isRegularFile(ROOT.resolve("build/jupyter/kernels/java/kernel.json")), "run setup.sh first");
        NotebooksIT.smokeKernels(); // the smoke runs' kernels (the JVM's first compiler only), for the notebook job
        String started = run(List.of("bash", "environment/slurm/local-cluster.sh", "start", CLUSTER.toString()), 300);
        try {
            assertTrue(started.contains("local cluster up"), started);
            String submitted = run(
                    List.of(
                            "bash",
                            "environment/slurm/submit.sh",
                            "--profile",
                            "smoke",
                            "--zoo",
                            ZOO.toString(),
                            "--cpus",
                            "1",
                            "--mem",
                            "2G",
                            "--time",
                            "15:00",
                            "--units",
                            String.join(" ", TRAININGS),
                            "--notebooks",
                            NOTEBOOK),
                    60);
            assertTrue(submitted.contains("submitted: 3 training units"), submitted);
            Path logs = Path.of(submitted.replaceAll("(?s).*logs: (\\S+).*", "$1"));
            String[] jobs = Files.readString(logs.resolve("jobs.txt")).trim().split(" ");
            assertEquals(3, jobs.length);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(6);
            while (!run(List.of("squeue", "-h", "-j", String.join(",", jobs)), 30)
                    .isBlank()) {
                assertTrue(System.nanoTime() < deadline, "the chain ended within 6 minutes");
                Thread.sleep(1000);
            }
            for (int i = 0; i < TRAININGS.size(); i++) {
                String training = Files.readString(logs.resolve("train-" + i + ".out"));
                assertTrue(training.contains(TRAININGS.get(i) + " done in"), training);
                String encoding = Files.readString(logs.resolve("encode-" + i + ".out"));
                assertTrue(encoding.contains(TRAININGS.get(i).replace("train/", "encode/") + " done in"), encoding);
                assertTrue(encoding.contains("codes of 100 images computed"), "encoded after training: " + encoding);
            }
            for (String model : List.of("vae-seed1", "vae-seed2", "split-vae-seed1")) {
                assertTrue(Files.isRegularFile(ZOO.resolve("fashion-mnist/smoke/" + model + ".ckpt")), model);
                assertFalse(Files.exists(ZOO.resolve("fashion-mnist/smoke/" + model + ".ckpt.lock")), "no lock left");
            }
            String walkthrough = Files.readString(logs.resolve("walkthrough.out"));
            assertTrue(walkthrough.contains("1 passed, 0 failed"), walkthrough);
            String outputs = outputs(OUT.resolve("exercises/solutions/01-map-by-hand.ipynb"));
            assertTrue(outputs.contains("VAE 1 -> VAE 2") || outputs.contains("M-MSE"), "it relocated: " + outputs);
            assertFalse(outputs.contains("codes of 2,048 images computed"), "it read the units' codes: " + outputs);
        } finally {
            String stopped = run(List.of("bash", "environment/slurm/local-cluster.sh", "stop", CLUSTER.toString()), 60);
            assertTrue(stopped.contains("stopped"), stopped);
        }
    }

    private static String run(List<String> command, int seconds) throws Exception {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        builder.environment().put("SLURM_CONF", CLUSTER.resolve("slurm.conf").toString());
        builder.environment().put("LATENTMAP_WALKTHROUGH_OUT", OUT.toString());
        // three one-CPU units at once on the test machine's 2 cores: each wave of units is one JVM start long
        builder.environment().put("LOCAL_CLUSTER_CPUS", "3");
        // short units and a short notebook: the JVM's first compiler only (as the smoke notebooks' kernels)
        builder.environment().put("LATENTMAP_UNIT_JAVA_OPTS", "-XX:TieredStopAtLevel=1");
        builder.environment()
                .put(
                        "LATENTMAP_WALKTHROUGH_KERNELS",
                        ROOT.resolve("target/smoke-jupyter").toString());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(seconds, TimeUnit.SECONDS), String.join(" ", command) + " ended");
        assertEquals(0, process.exitValue(), String.join(" ", command) + ":\n" + out);
        return out;
    }

    private static String outputs(Path notebook) throws Exception {
        List<String> texts = new ArrayList<>();
        for (JsonElement cell : JsonParser.parseString(Files.readString(notebook))
                .getAsJsonObject()
                .getAsJsonArray("cells")) {
            var outputs = cell.getAsJsonObject().getAsJsonArray("outputs");
            if (outputs != null) {
                outputs.forEach(o -> texts.add(o.toString()));
            }
        }
        return String.join("\n", texts);
    }
}
