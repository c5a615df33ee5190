package org.latentmap.model.flow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * RealNVP's squeeze: every 2x2 block of pixels becomes 4 channels of one pixel, (N, C, H, W) to (N, 4C, H/2, W/2).
 * A permutation, so its log-determinant is 0.
 */
public final class Squeeze implements Bijection {

    @Override
    public Transformed toCode(NDArray input, boolean training) {
        Shape s = input.getShape();
        long n = s.get(0);
        long c = s.get(1);
        long h = s.get(2);
        long w = s.get(3);
        if (h % 2 != 0 || w % 2 != 0) {
            throw new IllegalArgumentException("a squeeze halves height and width; " + s + " has an odd side");
        }
        NDArray out = input.reshape(n, c, h / 2, 2, w / 2, 2)
                .transpose(0, 1, 3, 5, 2, 4)
                .reshape(n, 4 * c, h / 2, w / 2);
        return new Transformed(out, input.getManager().zeros(new Shape(n)));
    }

    @Override
    public NDArray toImage(NDArray output) {
        Shape s = output.getShape();
        long n = s.get(0);
        long c = s.get(1) / 4;
        long h = s.get(2);
        long w = s.get(3);
        return output.reshape(n, c, 2, 2, h, w).transpose(0, 1, 4, 2, 5, 3).reshape(n, c, 2 * h, 2 * w);
    }
}
