package org.latentmap.engine;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;

/**
 * Hands memory the engine freed back to the system (glibc's {@code malloc_trim}; elsewhere nothing). glibc keeps
 * freed memory in the arena of the thread that allocated it, up to eight arenas per core, and a notebook kernel runs
 * each cell on a thread of its own: the holes the engine's freed arrays left stayed resident, and a kernel's memory
 * grew with the cells it had run. Measured (notebook 08b, smoke profile, its models trained in the kernel, 6 December
 * 2026): peak resident 3,026 MiB, 1,719 MiB with a trim after every batched computation ({@link Batches}) and every
 * training, as fast. It lives in the process itself so that every kernel and launcher gets it; the arenas cannot be
 * bounded from here ({@code MALLOC_ARENA_MAX} is read when the process starts, and a JVM has made its arenas by then).
 */
public final class NativeMemory {
    private static final Function TRIM = trimFunction();

    private NativeMemory() {}

    private static Function trimFunction() {
        try {
            NativeLibrary c = NativeLibrary.getInstance("c");
            c.getFunction("gnu_get_libc_version");
            return c.getFunction("malloc_trim");
        } catch (UnsatisfiedLinkError e) {
            return null;
        }
    }

    /** Returns free memory of every arena to the system; true where glibc did so. */
    public static boolean trim() {
        return TRIM != null && TRIM.invokeInt(new Object[] {0L}) == 1;
    }
}
