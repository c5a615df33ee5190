package org.latentmap.engine;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;

/**
 * How the C allocator (glibc) treats the memory the engine allocates and frees: kept for reuse while a computation
 * runs, handed back when it ends. Both settings live in the process itself, so every kernel and launcher gets them;
 * neither changes a computed value.
 *
 * <p><b>Kept while computing</b> ({@link #keepFreedMemory}). A JVM calls the engine from threads that glibc serves
 * from its secondary pools (arenas of 64 MiB heaps); a training step's activations outgrow one, and by default the
 * heap they spilled into was unmapped when they were freed and mapped afresh in the next step, every page faulted in
 * again (Python's main thread uses glibc's main pool, where its thresholds adapt). Measured (6 December 2026, 2
 * threads, 100 steps of batch 64): the flow's training made 0.8-1.4 million page faults, PyTorch for Python 96,000 on
 * the same network; with blocks up to 32 MiB taken from the pools and pools padded by 64 MiB, 89,000, and its step
 * ran 370-430 -> 830-910 images/s; the diffusion model's 121 -> 171, the Split-VAE's 200 -> 217, the GAN's 449 -> 497,
 * the VAE's unchanged.
 *
 * <p><b>Handed back after</b> ({@link #trim}, after every training, and after batched computations at most once a
 * second: {@link #trimNowAndThen}). glibc keeps freed memory in the arena of the thread that allocated it, up to
 * eight arenas per core, and a notebook kernel runs each cell on a new thread: the holes the engine's freed arrays
 * left stayed resident, and a kernel's memory grew with the cells it had run. Measured (notebook 08b): smoke profile
 * with its models trained in the kernel, peak resident 3,026 MiB -> 1,719 MiB; full profile, first run, 5,740 ->
 * 2,668 MiB (both settings). The arenas themselves cannot be bounded from here ({@code MALLOC_ARENA_MAX} is read when the process
 * starts, and a JVM has made its arenas by then).
 */
public final class NativeMemory {
    /** glibc's mallopt parameters. */
    private static final int M_TOP_PAD = -2, M_MMAP_THRESHOLD = -3;
    /** Blocks below this size come from the allocator's pools, not from fresh mappings (glibc's largest). */
    static final int MMAP_THRESHOLD = 32 << 20;
    /** What a pool keeps beyond its top block when it grows or shrinks. */
    static final int TOP_PAD = 64 << 20;

    /** Trims at most once a second: after a short computation the freed memory is reused by the next one. */
    private static final long TRIM_INTERVAL_NANOS = 1_000_000_000L;

    private static final NativeLibrary LIBC = glibc();
    private static final Function TRIM = LIBC == null ? null : LIBC.getFunction("malloc_trim");
    private static volatile long lastTrim = System.nanoTime();

    private NativeMemory() {}

    private static NativeLibrary glibc() {
        try {
            NativeLibrary c = NativeLibrary.getInstance("c");
            c.getFunction("gnu_get_libc_version");
            return c;
        } catch (UnsatisfiedLinkError e) {
            return null;
        }
    }

    /**
     * Lets the allocator keep the memory a computation frees for the next one ({@link Numerics#configure()} calls it
     * once per process): blocks up to {@value #MMAP_THRESHOLD} bytes from its pools, and pools kept {@value #TOP_PAD}
     * bytes beyond their top. True where glibc took both settings.
     */
    public static boolean keepFreedMemory() {
        if (LIBC == null) {
            return false;
        }
        Function mallopt = LIBC.getFunction("mallopt");
        boolean threshold = mallopt.invokeInt(new Object[] {M_MMAP_THRESHOLD, MMAP_THRESHOLD}) == 1;
        return mallopt.invokeInt(new Object[] {M_TOP_PAD, TOP_PAD}) == 1 && threshold;
    }

    /**
     * {@link #trim()} unless the last trim was under a second ago: frequent short computations (a notebook's many
     * small relocations) would otherwise hand back and fault in the same memory each time (measured: notebook 04's
     * smoke relocations took 6.6-7.8 s before the trims, 9.7-10.1 s trimming after each).
     */
    public static boolean trimNowAndThen() {
        long now = System.nanoTime();
        if (now - lastTrim < TRIM_INTERVAL_NANOS) {
            return false;
        }
        lastTrim = now;
        return trim();
    }

    /** Returns the free memory of every arena to the system; true where glibc did so. */
    public static boolean trim() {
        return TRIM != null && TRIM.invokeInt(new Object[] {0L}) == 1;
    }
}
