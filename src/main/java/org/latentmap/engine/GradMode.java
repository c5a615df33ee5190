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

    /** Stops recording on the current thread; gradient collectors turn it on for their scope. */
    public static void offForThisThread() {
        if ("PyTorch".equals(Engine.getInstance().getEngineName())) {
            JniUtils.setGradMode(false);
        }
    }
}
