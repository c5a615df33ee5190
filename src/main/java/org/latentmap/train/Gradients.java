package org.latentmap.train;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Records operations for autograd on the current thread while open, and back-propagates a loss into the
 * gradients of the parameters it depends on. DJL's own collector allows one at a time in the whole process;
 * PyTorch records per thread, so this one lets trainings run side by side on their own threads. Gradients
 * accumulate: {@link Adam} zeroes them after each update.
 */
public final class Gradients implements AutoCloseable {
    private final boolean previous;

    private Gradients() {
        this.previous = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
    }

    /** Starts recording on this thread. */
    public static Gradients record() {
        return new Gradients();
    }

    /** Adds d(loss)/d(parameter) to every parameter's gradient; {@code loss} is a scalar. */
    public void backward(NDArray loss) {
        NDArray ones = loss.getManager().ones(loss.getShape(), loss.getDataType());
        JniUtils.backward((PtNDArray) loss, (PtNDArray) ones, false, false);
        ones.close();
    }

    @Override
    public void close() {
        JniUtils.setGradMode(previous);
    }
}
