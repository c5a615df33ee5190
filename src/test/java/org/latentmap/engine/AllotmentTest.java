package org.latentmap.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.jna.NativeLibrary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AllotmentTest {
    @Test
    void theThreadsComeFromTheUserThenSlurmThenTheProcessorsThisProcessMayUse() {
        assertEquals(3, Allotment.threads(Map.of("LATENTMAP_THREADS", "3", "OMP_NUM_THREADS", "1"), 8));
        assertEquals(1, Allotment.threads(Map.of("OMP_NUM_THREADS", "1", "SLURM_CPUS_PER_TASK", "4"), 8));
        assertEquals(4, Allotment.threads(Map.of("SLURM_CPUS_PER_TASK", "4"), 8), "the unit's allotment");
        assertEquals(2, Allotment.threads(Map.of("SLURM_CPUS_PER_TASK", "4"), 2), "no more than it may run on");
        assertEquals(2, Allotment.threads(Map.of(), 2));
        var bad = assertThrows(
                IllegalArgumentException.class, () -> Allotment.threads(Map.of("SLURM_CPUS_PER_TASK", "two"), 2));
        assertEquals("SLURM_CPUS_PER_TASK must be a whole number of threads, 1 or more; it is 'two'", bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Allotment.threads(Map.of("OMP_NUM_THREADS", "0"), 2));
    }

    /** In a fresh process, before the engine loads, the wait policy is set where OpenMP will read it. */
    @Test
    void aFreshProcessGetsPassiveWaitingBeforeTheEngineLoads() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Report.class.getName())
                .redirectErrorStream(true);
        builder.environment().remove(Allotment.WAIT_POLICY);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        assertEquals("idle engine threads wait passively\nOMP_WAIT_POLICY=PASSIVE\n", out);

        builder.environment().put(Allotment.WAIT_POLICY, "ACTIVE");
        process = builder.start();
        out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        assertEquals("idle engine threads wait as OMP_WAIT_POLICY=ACTIVE says\nOMP_WAIT_POLICY=ACTIVE\n", out);
    }

    /** Prepares its process and prints what libc's environment then holds. */
    public static final class Report {
        public static void main(String[] args) {
            System.out.println(Allotment.prepareProcess());
            String value = NativeLibrary.getInstance("c")
                    .getFunction("getenv")
                    .invokeString(new Object[] {"OMP_WAIT_POLICY"}, false);
            System.out.println("OMP_WAIT_POLICY=" + value);
        }
    }
}
