package org.latentmap.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;

/**
 * Upsampling by pixel shuffle (depth to space): channel block (i, j) of r x r becomes the pixel at offset
 * (i, j) of each r x r output cell. DJL's PyTorch engine has no transposed convolution; a convolution to
 * r^2 times the channels followed by this shuffle is the faster of the two measured replacements
 * (shared/stack-notes.md), and is how the decoders here double their resolution.
 */
public final class PixelShuffle {

    private PixelShuffle() {}

    /** (N, C r^2, H, W) to (N, C, H r, W r). */
    public static NDArray apply(NDArray input, int factor) {
        Shape shape = input.getShape();
        if (shape.dimension() != 4 || shape.get(1) % ((long) factor * factor) != 0) {
            throw new IllegalArgumentException(
                    "pixel shuffle by " + factor + " needs (N, C*" + factor * factor + ", H, W), got " + shape);
        }
        long n = shape.get(0);
        long c = shape.get(1) / ((long) factor * factor);
        long h = shape.get(2);
        long w = shape.get(3);
        return input.reshape(n, c, factor, factor, h, w)
                .transpose(0, 1, 4, 2, 5, 3)
                .reshape(n, c, h * factor, w * factor);
    }

    /** A block that doubles height and width: a 3x3 convolution to 4 x {@code channels}, then the shuffle. */
    public static SequentialBlock upsample2x(int channels) {
        return new SequentialBlock()
                .add(Conv2d.builder()
                        .setFilters(4 * channels)
                        .setKernelShape(new Shape(3, 3))
                        .optPadding(new Shape(1, 1))
                        .build())
                .add(new LambdaBlock(list -> new NDList(apply(list.singletonOrThrow(), 2)), "pixelShuffle"));
    }
}
