package org.latentmap.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A batch of images in memory: N images of C channels, H x W pixels in [0, 1], stored N,C,H,W in one
 * float array (the layout DJL's convolutions take), with an optional class label per image.
 */
public final class ImageSet {
    private final float[] pixels;
    private final int size;
    private final int channels;
    private final int height;
    private final int width;
    private final int[] labels;
    private final List<String> classNames;
    private volatile String fingerprint;

    public ImageSet(
            float[] pixels, int size, int channels, int height, int width, int[] labels, List<String> classNames) {
        if (size < 0 || channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException(
                    "an image set needs a size >= 0 and positive channels, height and width, got " + size + "x"
                            + channels + "x" + height + "x" + width);
        }
        if ((long) size * channels * height * width != pixels.length) {
            throw new IllegalArgumentException(
                    "pixel array holds " + pixels.length + " values, but " + size + "x" + channels + "x" + height + "x"
                            + width + " images need " + ((long) size * channels * height * width));
        }
        if (labels != null && labels.length != size) {
            throw new IllegalArgumentException(labels.length + " labels for " + size + " images");
        }
        this.pixels = pixels;
        this.size = size;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.labels = labels;
        this.classNames = classNames == null ? List.of() : List.copyOf(classNames);
    }

    public int size() {
        return size;
    }

    public int channels() {
        return channels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** Values in one image: channels x height x width. */
    public int imageLength() {
        return channels * height * width;
    }

    /** The DJL shape of the whole set: (N, C, H, W). */
    public Shape shape() {
        return new Shape(size, channels, height, width);
    }

    /**
     * A SHA-256 of the pixels and their shape (not the labels): what stored codes and errors of these images
     * are keyed by. Computed once per set (about half a second for 60,000 images).
     */
    public String fingerprint() {
        String known = fingerprint;
        if (known == null) {
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                ByteBuffer bytes = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
                bytes.putInt(size).putInt(channels).putInt(height).putInt(width);
                for (float value : pixels) {
                    if (bytes.remaining() < Float.BYTES) {
                        digest.update(bytes.array(), 0, bytes.position());
                        bytes.clear();
                    }
                    bytes.putFloat(value);
                }
                digest.update(bytes.array(), 0, bytes.position());
                known = HexFormat.of().formatHex(digest.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("this Java has no SHA-256", e);
            }
            fingerprint = known;
        }
        return known;
    }

    public boolean hasLabels() {
        return labels != null;
    }

    public int label(int index) {
        if (labels == null) {
            throw new IllegalStateException("this image set has no labels");
        }
        return labels[Objects.checkIndex(index, size)];
    }

    public List<String> classNames() {
        return classNames;
    }

    /** The class name of an image's label, or its number when the set has no names. */
    public String className(int index) {
        int label = label(index);
        return label < classNames.size() ? classNames.get(label) : Integer.toString(label);
    }

    /** One pixel value: image n, channel c, row y, column x. */
    public float pixel(int n, int c, int y, int x) {
        return pixels[((n * channels + c) * height + y) * width + x];
    }

    /** A copy of one image's values (C x H x W). */
    public float[] image(int index) {
        Objects.checkIndex(index, size);
        int length = imageLength();
        return Arrays.copyOfRange(pixels, index * length, (index + 1) * length);
    }

    /** The images at the given indices, in that order, with their labels. */
    public ImageSet select(int... indices) {
        int length = imageLength();
        float[] out = new float[indices.length * length];
        int[] outLabels = labels == null ? null : new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            int index = Objects.checkIndex(indices[i], size);
            System.arraycopy(pixels, index * length, out, i * length, length);
            if (outLabels != null) {
                outLabels[i] = labels[index];
            }
        }
        return new ImageSet(out, indices.length, channels, height, width, outLabels, classNames);
    }

    /** The first n images (all of them when n is larger than the set). */
    public ImageSet head(int n) {
        int count = Math.min(n, size);
        int[] indices = new int[count];
        for (int i = 0; i < count; i++) {
            indices[i] = i;
        }
        return select(indices);
    }

    /** The indices of the first {@code perClass} images of each class, class by class. */
    public int[] firstOfEachClass(int perClass) {
        int classes = classCount();
        int[] found = new int[classes * perClass];
        int[] counts = new int[classes];
        Arrays.fill(found, -1);
        for (int i = 0; i < size; i++) {
            int label = label(i);
            if (counts[label] < perClass) {
                found[label * perClass + counts[label]++] = i;
            }
        }
        return Arrays.stream(found).filter(i -> i >= 0).toArray();
    }

    /** How many images each class has, indexed by label. */
    public int[] classCounts() {
        int classes = classCount();
        int[] counts = new int[classes];
        for (int i = 0; i < size; i++) {
            counts[label(i)]++;
        }
        return counts;
    }

    /** Number of classes: the named ones, or one more than the largest label. */
    private int classCount() {
        if (labels == null) {
            throw new IllegalStateException("this image set has no labels, so it has no classes to count");
        }
        return Math.max(classNames.size(), Arrays.stream(labels).max().orElse(-1) + 1);
    }

    /** The whole set as one NDArray of shape (N, C, H, W), owned by the given manager. */
    public NDArray toNDArray(NDManager manager) {
        return manager.create(pixels, shape());
    }

    /** The images from {@code from} (inclusive) to {@code to} (exclusive) as an NDArray, for batching. */
    public NDArray toNDArray(NDManager manager, int from, int to) {
        Objects.checkFromToIndex(from, to, size);
        int length = imageLength();
        return manager.create(
                Arrays.copyOfRange(pixels, from * length, to * length), new Shape(to - from, channels, height, width));
    }

    /** Images from an NDArray of shape (N, C, H, W), without labels (generated images, reconstructions). */
    public static ImageSet of(NDArray images) {
        Shape shape = images.getShape();
        if (shape.dimension() != 4) {
            throw new IllegalArgumentException("images must be (N, C, H, W), got " + shape);
        }
        return new ImageSet(
                images.toType(DataType.FLOAT32, false).toFloatArray(),
                (int) shape.get(0),
                (int) shape.get(1),
                (int) shape.get(2),
                (int) shape.get(3),
                null,
                null);
    }

    /** Mean pixel value over the whole set. */
    public double meanPixel() {
        double sum = 0;
        for (float p : pixels) {
            sum += p;
        }
        return pixels.length == 0 ? 0 : sum / pixels.length;
    }

    @Override
    public String toString() {
        return "ImageSet[" + size + " x " + channels + "x" + height + "x" + width
                + (labels == null ? "" : ", " + Math.max(classNames.size(), 1) + " classes") + "]";
    }
}
