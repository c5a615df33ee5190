package org.latentmap.data;

import java.awt.image.BufferedImage;

/**
 * The largest centred square of an image of any size, resized to {@code output} pixels a side by the bilinear
 * resize of {@link Crop} (half-pixel centres): how a folder of a user's images of mixed sizes is framed. A landscape
 * image loses its left and right edges, a portrait one its top and bottom.
 */
public record CenterSquare(int output) implements Framing {
    public CenterSquare {
        if (output <= 0) {
            throw new IllegalArgumentException("an image side of " + output + " pixels");
        }
    }

    @Override
    public Framing withOutput(int side) {
        return new CenterSquare(side);
    }

    /** The crop this framing takes from an image of {@code width} x {@code height}. */
    public Crop cropOf(int width, int height) {
        int side = Math.min(width, height);
        return new Crop((height - side) / 2, (width - side) / 2, side, output, width, height);
    }

    @Override
    public float[] apply(BufferedImage image, String name) {
        return cropOf(image.getWidth(), image.getHeight()).apply(image, name);
    }
}
