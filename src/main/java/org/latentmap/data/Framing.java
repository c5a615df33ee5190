package org.latentmap.data;

import java.awt.image.BufferedImage;

/**
 * How an image from a folder becomes a square of RGB values in [0, 1], 3 x output x output: a fixed crop of
 * images of one size ({@link Crop}, CelebA's), or the centred square of images of any size ({@link CenterSquare}).
 * Its {@code toString()} keys the decoded images an {@link ImageCache} keeps, so it must say everything that
 * changes the pixels.
 */
public interface Framing {
    /** The side of the result, in pixels. */
    int output();

    /** The same framing, resized to {@code side} pixels a side instead. */
    Framing withOutput(int side);

    /** One image framed and resized: planar RGB in [0, 1]; {@code name} names the file in errors. */
    float[] apply(BufferedImage image, String name);
}
