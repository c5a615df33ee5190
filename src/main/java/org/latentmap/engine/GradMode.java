package org.latentmap.engine;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch records operations for autograd per thread, and a new thread starts with recording on; DJL turns
 * it off only on the thread that started the engine. Notebook cells run on other threads, so training and
 * inference there would record graphs (and refuse in-place updates) unless the thread is set first.
 */
public final class GradMode {
    private GradMode() {}

    /**
     * Stops recording on the current thread; gradient collectors turn it on for their scope. Every training and
     * forward pass of latentmap's networks comes through here, so it applies the pinned {@link Numerics} first.
     */
    public static void offForThisThread() {
        Numerics.configure();
        if ("PyTorch".equals(Engine.getInstance().getEngineName())) {
            JniUtils.setGradMode(false);
        }
    }
}
