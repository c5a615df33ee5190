package org.latentmap.train;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

import java.util.function.Supplier;

/**
 * How many threads PyTorch gives one operation (a process-wide setting). Every training runs its operations
 * on one thread: its numbers are then the same whether it trains alone or beside others, and on two cores two
 * trainings side by side do about 1.3 times the work of one training using both cores (small convolutions
 * do not split well).
 */
public final class EngineThreads {
    private EngineThreads() {
    }

    /**
     * Runs {@code work} with one thread per operation on this thread (PyTorch's OpenMP setting is held per
     * thread, its BLAS setting per process), then restores this thread's previous setting if {@code restore}.
     * Trainings side by side on worker threads do not restore: restoring on one would change the BLAS setting
     * under the others; the caller restores once they are all done, with {@link #set}.
     */
    public static <T> T singleThreaded(boolean restore, Supplier<T> work) {
        if (!"PyTorch".equals(Engine.getInstance().getEngineName())) {
            return work.get();
        }
        int previous = JniUtils.getNumThreads();
        JniUtils.setNumThreads(1);
        try {
            return work.get();
        } finally {
            if (restore) {
                JniUtils.setNumThreads(previous);
            }
        }
    }

    /** This thread's number of threads per operation (0 when the engine is not PyTorch). */
    public static int get() {
        return "PyTorch".equals(Engine.getInstance().getEngineName()) ? JniUtils.getNumThreads() : 0;
    }

    /** Sets this thread's number of threads per operation, and the process's BLAS threads. */
    public static void set(int threads) {
        if (threads > 0 && "PyTorch".equals(Engine.getInstance().getEngineName())) {
            JniUtils.setNumThreads(threads);
        }
    }
}
