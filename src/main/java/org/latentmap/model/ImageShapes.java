package org.latentmap.model;

import ai.djl.ndarray.types.Shape;

/** Checks and shapes shared by the models: images are (C, H, W), square, with sides divisible by 8. */
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
}
