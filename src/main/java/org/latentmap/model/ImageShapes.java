package org.latentmap.model;

import ai.djl.ndarray.types.Shape;

/**
 * Checks and shapes shared by the models: images are (C, H, W), square, with sides divisible by 8. A model has
 * one halving stage per factor of two between the image and its smallest feature map: three for images up to
 * 32x32 (Fashion-MNIST), one more for each doubling from 64x64 on (CelebA at 64x64: four, down to 4x4), each
 * stage twice as wide as the one before.
 */
public final class ImageShapes {
    private ImageShapes() {}

    public static void requireDivisibleBy8(Shape imageShape) {
        if (imageShape.dimension() != 3 || imageShape.get(1) != imageShape.get(2) || imageShape.get(1) % 8 != 0) {
            throw new IllegalArgumentException("the models take square images (C, H, W) with H = W divisible by 8,"
                    + " such as Fashion-MNIST padded to (1, 32, 32) or CelebA at (3, 64, 64); got " + imageShape);
        }
    }

    public static Shape batchOf(Shape imageShape) {
        return new Shape(1, imageShape.get(0), imageShape.get(1), imageShape.get(2));
    }

    /** Halving stages: 3, plus one for each doubling of the side from 64 on (64: 4, 128: 5). */
    public static int stages(Shape imageShape) {
        int stages = 3;
        for (long side = imageShape.get(1); side >= 64 && side % 16 == 0; side /= 2) {
            stages++;
        }
        return stages;
    }

    /** The side of the smallest feature map: the image's side halved {@link #stages} times. */
    public static int codeSide(Shape imageShape) {
        return (int) (imageShape.get(1) >> stages(imageShape));
    }

    /** Each stage's channels, from the image's side inwards: {@code first}, twice it, and so on. */
    public static int[] widths(Shape imageShape, int first) {
        int[] widths = new int[stages(imageShape)];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = first << i;
        }
        return widths;
    }
}
