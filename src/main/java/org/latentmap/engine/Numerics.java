package org.latentmap.engine;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What decides a training's bytes besides its seed, plan, data and code (issue 29): the processor, whose maker,
 * family and model pick the math libraries' code paths (measured: the same seeded training gives other bytes on
 * another x86-64 processor, and again with AVX2 paths forced on this one), the engine's thread count (a reduction
 * split over 1 or 2 threads rounds differently) and the engine's version. Two trainings with equal signatures give
 * equal bytes; the reproducibility record compares only those.
 *
 * <p>Three switches are pinned here for every use of the engine (notebooks, the zoo command, tests, cluster jobs), in
 * the process itself, so that any kernel or launcher gets them: NNPACK off ({@link #switchNnpackOff()}), the thread
 * count ({@link Allotment}), and <b>oneDNN held to AVX
 * instructions</b>. PyTorch's oneDNN convolutions computed garbage gradients on this project's AMD EPYC (family 26)
 * machines, at random, with its AVX2 and AVX-512 kernels: a 3x3 convolution to 4 channels after one to 32, at 16x16,
 * gave non-finite gradients in 2 to 3 of 30 identical backward passes, with 1 or 2 threads, and the VAE and
 * Split-VAE trainings went NaN within 1 to 123 steps. Held to AVX (oneDNN's {@code ONEDNN_MAX_CPU_ISA}, set in this
 * process's environment before oneDNN first reads it) every pass was identical and finite. {@value #ONEDNN_VARIABLE}
 * {@code =native} leaves oneDNN its own choice (for speed comparisons), {@code off} turns oneDNN off (PyTorch's own
 * convolutions, slower still); an {@code ONEDNN_MAX_CPU_ISA} set by the user is kept.
 */
public record Numerics(String processor, int threads, String engine) {
    /** Sets the engine's thread count for trainings (and so for everything after them in the process). */
    public static final String THREADS_VARIABLE = "LATENTMAP_THREADS";
    /** {@code avx} (the default), {@code native} (oneDNN's own choice of instructions) or {@code off}. */
    public static final String ONEDNN_VARIABLE = "LATENTMAP_ONEDNN";

    private static volatile boolean configured;
    private static volatile String oneDnn = "native";
    private static volatile boolean nnpackOff;

    /** This process's signature, with the pinned settings applied to the engine first. */
    public static Numerics current() {
        configure();
        return new Numerics(
                machineProcessor(),
                JniUtils.getNumThreads(),
                "PyTorch " + Engine.getInstance().getVersion() + " (DJL " + Engine.getDjlVersion() + "), oneDNN "
                        + oneDnn);
    }

    /** One line: processor; threads; engine. */
    public String signature() {
        return processor + "; " + threads + " engine thread" + (threads == 1 ? "" : "s") + "; " + engine;
    }

    /**
     * Applies the pinned settings once per process: oneDNN held to AVX (see the class comment; {@value
     * #ONEDNN_VARIABLE} changes it) and the thread count. Cheap after the first call; every training and every forward
     * pass of latentmap's networks calls it, through {@link GradMode}, before the engine runs a convolution.
     */
    public static void configure() {
        if (configured) {
            return;
        }
        synchronized (Numerics.class) {
            if (!configured && "PyTorch".equals(Engine.getInstance().getEngineName())) {
                NativeMemory.keepFreedMemory();
                oneDnn = applyOneDnnChoice();
                pinThreads();
                nnpackOff = switchNnpackOff();
            }
            configured = true;
        }
    }

    private static String applyOneDnnChoice() {
        String wanted = System.getenv(ONEDNN_VARIABLE);
        String choice =
                wanted == null || wanted.isBlank() ? "avx" : wanted.trim().toLowerCase(Locale.ROOT);
        String userIsa = System.getenv("ONEDNN_MAX_CPU_ISA");
        switch (choice) {
            case "native":
                return userIsa == null ? "native" : "at " + userIsa + " (ONEDNN_MAX_CPU_ISA)";
            case "off":
                return switchOneDnnOff() ? "off" : "native (could not be turned off here)";
            case "avx":
                if (userIsa != null && !userIsa.isBlank()) {
                    return "at " + userIsa + " (ONEDNN_MAX_CPU_ISA)";
                }
                return setEnvironment("ONEDNN_MAX_CPU_ISA", "AVX")
                        ? "at AVX"
                        : "native (could not be held to AVX here)";
            default:
                throw new IllegalArgumentException(
                        ONEDNN_VARIABLE + " is 'avx' (the default), 'native' or 'off'; it is '" + wanted + "'");
        }
    }

    /** Sets a variable in this process's own environment (libc setenv), where native libraries read it. */
    static boolean setEnvironment(String name, String value) {
        try {
            return NativeLibrary.getInstance("c").getFunction("setenv").invokeInt(new Object[] {name, value, 1}) == 0;
        } catch (UnsatisfiedLinkError e) {
            return false;
        }
    }

    /**
     * Turns PyTorch's oneDNN ("mkldnn") backend off through its exported {@code at::Context} methods, which DJL does
     * not wrap (the C++ equivalent of Python's {@code torch.backends.mkldnn.enabled = False}). False when the
     * engine's library cannot be found (not on Linux).
     */
    private static boolean switchOneDnnOff() {
        Path library = loadedLibrary("libtorch_cpu");
        if (library == null) {
            return false;
        }
        NativeLibrary torch = NativeLibrary.getInstance(library.toString());
        Pointer context = torch.getFunction("_ZN2at13globalContextEv").invokePointer(new Object[0]);
        torch.getFunction("_ZN2at7Context20setUserEnabledMkldnnEb").invokeVoid(new Object[] {context, false});
        return torch.getFunction("_ZNK2at7Context17userEnabledMkldnnEv").invokeInt(new Object[] {context}) == 0;
    }

    /** Whether {@link #configure()} turned NNPACK off in this process. */
    static boolean nnpackOff() {
        configure();
        return nnpackOff;
    }

    /**
     * Turns PyTorch's NNPACK convolutions off ({@code torch.backends.nnpack.set_flags(False)} in C++). On processors
     * NNPACK does not support (this project's AMD EPYC machines) PyTorch tried it on every eligible convolution of
     * 3-channel images and wrote "Could not initialize NNPACK! Reason: Unsupported hardware." to standard error each
     * time (270 lines in one smoke notebook on a folder of images), while computing with another backend anyway;
     * where NNPACK does run, one backend fewer depends on the machine. False when the library cannot be found.
     */
    private static boolean switchNnpackOff() {
        Path library = loadedLibrary("libtorch_cpu");
        if (library == null) {
            return false;
        }
        try {
            NativeLibrary torch = NativeLibrary.getInstance(library.toString());
            Pointer context = torch.getFunction("_ZN2at13globalContextEv").invokePointer(new Object[0]);
            torch.getFunction("_ZN2at7Context20setUserEnabledNNPACKEb").invokeVoid(new Object[] {context, false});
            return torch.getFunction("_ZNK2at7Context17userEnabledNNPACKEv").invokeInt(new Object[] {context}) == 0;
        } catch (UnsatisfiedLinkError e) {
            return false;
        }
    }

    /** The file of a native library this process has loaded, from /proc/self/maps; null elsewhere. */
    static Path loadedLibrary(String name) {
        Path maps = Path.of("/proc/self/maps");
        if (!Files.isReadable(maps)) {
            return null;
        }
        try {
            for (String line : Files.readAllLines(maps)) {
                int slash = line.indexOf('/');
                if (slash >= 0 && line.substring(line.lastIndexOf('/') + 1).startsWith(name + ".so")) {
                    return Path.of(line.substring(slash).trim());
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    /** The thread count trainings use ({@link Allotment#threads()}). */
    public static int pinnedThreads() {
        return Allotment.threads();
    }

    /** Sets the engine's intra-op thread count to {@link #pinnedThreads()} when it differs. */
    public static void pinThreads() {
        if (!"PyTorch".equals(Engine.getInstance().getEngineName())) {
            return;
        }
        int threads = pinnedThreads();
        if (JniUtils.getNumThreads() != threads) {
            JniUtils.setNumThreads(threads);
        }
    }

    /**
     * The processor as the math libraries see it: maker, family and model (from /proc/cpuinfo on Linux) and its
     * name; elsewhere the architecture and the JVM's name for it.
     */
    static String machineProcessor() {
        Path info = Path.of("/proc/cpuinfo");
        if (Files.isReadable(info)) {
            try {
                return processorOf(Files.readString(info));
            } catch (IOException e) {
                // fall back below
            }
        }
        return System.getProperty("os.arch") + " (" + System.getProperty("os.name") + ")";
    }

    /** The signature's processor part from the text of /proc/cpuinfo (its first processor). */
    static String processorOf(String cpuinfo) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : cpuinfo.split("\n")) {
            if (line.isBlank()) {
                break; // the first processor's block ends
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.putIfAbsent(
                        line.substring(0, colon).trim(),
                        line.substring(colon + 1).trim());
            }
        }
        return fields.getOrDefault("vendor_id", System.getProperty("os.arch")) + " family "
                + fields.getOrDefault("cpu family", "?") + " model " + fields.getOrDefault("model", "?") + " ("
                + fields.getOrDefault("model name", "unnamed") + ")";
    }
}
