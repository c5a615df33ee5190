package org.latentmap.engine;

import java.util.Map;

/**
 * The processors this process may use, and how its engine threads use them (issue 31): on a cluster a unit gets
 * some CPUs of a shared node, beside a notebook or another unit on a workstation. The engine's thread count is
 * {@value Numerics#THREADS_VARIABLE}, else {@code OMP_NUM_THREADS}, else Slurm's {@code SLURM_CPUS_PER_TASK}
 * (capped by the processors this process may run on), else those processors (the JVM counts them by the
 * process's CPU affinity and its container's limits, not the machine's cores). Its inter-op pool is DJL's one
 * thread.
 *
 * <p>And the engine's OpenMP threads wait <b>passively</b> between parallel regions ({@code OMP_WAIT_POLICY=PASSIVE},
 * unless set): spinning, they took a whole core each while idle (measured here: 200 small products 5 ms apart cost
 * 1.52 s of CPU in 1.27 s by default, 0.37 s passively), and a process beside them trained several times slower.
 * OpenMP reads the variable once, when the engine's library loads, so {@link #prepareProcess()} must run before
 * anything touches the engine: the zoo command and the notebooks' setup call it first; kernelspecs and the
 * environment's scripts set the variable too. Results do not depend on it (the 15 full-profile models trained with
 * it reproduce the record bit for bit).
 */
public final class Allotment {
    /** OpenMP's variable for how idle threads wait. */
    public static final String WAIT_POLICY = "OMP_WAIT_POLICY";

    private static volatile String prepared;

    private Allotment() {}

    /** The engine's thread count for this process (see the class comment). */
    public static int threads() {
        return threads(System.getenv(), Runtime.getRuntime().availableProcessors());
    }

    static int threads(Map<String, String> environment, int processors) {
        for (String variable : new String[] {Numerics.THREADS_VARIABLE, "OMP_NUM_THREADS", "SLURM_CPUS_PER_TASK"}) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                int threads;
                try {
                    threads = Integer.parseInt(value.trim());
                } catch (NumberFormatException e) {
                    threads = 0;
                }
                if (threads < 1) {
                    throw new IllegalArgumentException(
                            variable + " must be a whole number of threads, 1 or more; it is '" + value + "'");
                }
                return variable.startsWith("SLURM") ? Math.min(threads, processors) : threads;
            }
        }
        return processors;
    }

    /**
     * Makes the engine's idle threads wait passively, if the engine has not loaded yet and the user set no policy;
     * once per process. Returns what it found or did, in words.
     */
    public static synchronized String prepareProcess() {
        if (prepared == null) {
            String user = System.getenv(WAIT_POLICY);
            if (user != null && !user.isBlank()) {
                prepared = "idle engine threads wait as " + WAIT_POLICY + "=" + user + " says";
            } else if (Numerics.loadedLibrary("libtorch_cpu") != null) {
                prepared = "the engine was loaded before " + WAIT_POLICY + " could be set: its idle threads spin"
                        + " (set " + WAIT_POLICY + "=PASSIVE before starting Java)";
            } else {
                prepared = Numerics.setEnvironment(WAIT_POLICY, "PASSIVE")
                        ? "idle engine threads wait passively"
                        : "could not set " + WAIT_POLICY + " here: idle engine threads spin";
            }
        }
        return prepared;
    }
}
