package org.latentmap.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Nearest-neighbour upsampling of (N, C, H, W) by 2, the first half of the GAN generator's
 * resize-convolutions. On PyTorch it calls the engine's interpolation directly (DJL's image resize
 * assumes channels last and transposes twice); elsewhere it repeats rows and columns.
 */
public final class NearestUpsampling {
    /** PyTorch's code for nearest-neighbour interpolation in DJL's native interface. */
    private static final int NEAREST = 0;

    private NearestUpsampling() {}

    public static NDArray twice(NDArray input) {
        Shape shape = input.getShape();
        if (shape.dimension() != 4) {
            throw new IllegalArgumentException("nearest upsampling takes (N, C, H, W), got " + shape);
        }
        if (input instanceof PtNDArray array) {
            return JniUtils.interpolate(array, new long[] {shape.get(2) * 2, shape.get(3) * 2}, NEAREST, false);
        }
        return input.repeat(2, 2).repeat(3, 2);
    }
}
