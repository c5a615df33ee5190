package org.latentmap.data;

import java.util.List;

/**
 * Images written one by one into byte storage (value = byte / 255), then handed over as an {@link ImageSet}: how
 * the readers build large sets without a float array of the whole (Fashion-MNIST's 60,000 training images take
 * 61 MB this way, CelebA's 162,770 at 3x64x64 take 2.0 GB instead of 8 GB). Float values are rounded to the
 * nearest of the 256 levels (values a hair outside [0, 1], as interpolation rounds, are clamped).
 */
public final class ImageBytes {
    /** How far outside [0, 1] a value may stray by rounding (an interpolation's) before it is refused. */
    private static final float SLACK = 1e-3f;

    private final BytePixels pixels;
    private final int size;
    private final int channels;
    private final int height;
    private final int width;
    private boolean built;

    private ImageBytes(int size, int channels, int height, int width) {
        this.size = size;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.pixels = BytePixels.allocate(size, Math.multiplyExact(Math.multiplyExact(channels, height), width));
    }

    /** Room for {@code size} images of {@code channels} x {@code height} x {@code width}, all black. */
    public static ImageBytes of(int size, int channels, int height, int width) {
        if (size < 0 || channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("an image set needs a size >= 0 and positive channels, height and "
                    + "width, got " + size + "x" + channels + "x" + height + "x" + width);
        }
        return new ImageBytes(size, channels, height, width);
    }

    public int size() {
        return size;
    }

    /** Values in one image. */
    public int imageLength() {
        return channels * height * width;
    }

    /** Writes image {@code image} from bytes (unsigned, 0 black, 255 white), C x H x W. */
    public ImageBytes put(int image, byte[] values) {
        requireLength(values.length);
        pixels.put(image, values, 0);
        return this;
    }

    /** Writes image {@code image} from values in [0, 1] (C x H x W), each rounded to the nearest level k / 255. */
    public ImageBytes put(int image, float[] values) {
        requireLength(values.length);
        byte[] levels = new byte[values.length];
        for (int k = 0; k < values.length; k++) {
            float v = values[k];
            if (!(v >= -SLACK && v <= 1f + SLACK)) {
                throw new IllegalArgumentException(
                        "pixel " + k + " of image " + image + " is " + v + ": values must be in [0, 1]");
            }
            levels[k] = level(v);
        }
        pixels.put(image, levels, 0);
        return this;
    }

    /** The byte of the level nearest a value, values outside [0, 1] taken as its nearer end. */
    static byte level(float value) {
        return (byte) Math.round(Math.min(1f, Math.max(0f, value)) * 255f);
    }

    /** The images written, as a set with the given labels (or none: null) and class names. */
    public ImageSet toImageSet(int[] labels, List<String> classNames) {
        if (built) {
            throw new IllegalStateException("these images were already handed over to an image set");
        }
        built = true;
        return new ImageSet(pixels, size, channels, height, width, labels, classNames);
    }

    private void requireLength(int length) {
        if (length != imageLength()) {
            throw new IllegalArgumentException("an image of " + channels + "x" + height + "x" + width + " has "
                    + imageLength() + " values, got " + length);
        }
    }
}
