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
 * A batch of images in memory: N images of C channels, H x W pixels in [0, 1], ordered N,C,H,W (the layout DJL's
 * convolutions take), with an optional class label per image. The values are floats as given, or bytes standing
 * for byte / 255 ({@link ImageBytes}: how the readers store data sets, a quarter of the memory and no limit at
 * 2^31 values); either way they come out as floats, and a set's {@link #fingerprint} depends only on them.
 */
public final class ImageSet {
    /** Values hashed per block by {@link #fingerprint}. */
    private static final int BLOCK = 1 << 18;

    private final Pixels pixels;
    private final int size;
    private final int channels;
    private final int height;
    private final int width;
    private final int[] labels;
    private final List<String> classNames;
    private volatile String fingerprint;
    private volatile double[][] means;

    public ImageSet(
            float[] pixels, int size, int channels, int height, int width, int[] labels, List<String> classNames) {
        this(new FloatPixels(pixels), size, channels, height, width, labels, classNames);
    }

    ImageSet(Pixels pixels, int size, int channels, int height, int width, int[] labels, List<String> classNames) {
        if (size < 0 || channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException(
                    "an image set needs a size >= 0 and positive channels, height and width, got " + size + "x"
                            + channels + "x" + height + "x" + width);
        }
        if ((long) size * channels * height * width != pixels.length()) {
            throw new IllegalArgumentException(
                    "pixel array holds " + pixels.length() + " values, but " + size + "x" + channels + "x" + height
                            + "x" + width + " images need " + ((long) size * channels * height * width));
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
     * The mean image, each pixel summed in double in index order and divided by the count: what the baselines, the
     * health check and the typical subset compare images with. Computed once per set, with {@link #classMeans()}.
     */
    public double[] meanImage() {
        return means()[0].clone();
    }

    /**
     * The mean image of each class (index: the label), summed as {@link #meanImage()}; null for a class no image has.
     * Empty without labels.
     */
    public double[][] classMeans() {
        double[][] all = means();
        double[][] classes = new double[all.length - 1][];
        for (int c = 0; c < classes.length; c++) {
            classes[c] = all[1 + c] == null ? null : all[1 + c].clone();
        }
        return classes;
    }

    private double[][] means() {
        double[][] known = means;
        if (known == null) {
            int classes = 0;
            if (labels != null) {
                classes = classNames.size();
                for (int label : labels) {
                    classes = Math.max(classes, label + 1);
                }
            }
            double[][] sums = new double[1 + classes][];
            int[] counts = new int[1 + classes];
            sums[0] = new double[imageLength()];
            for (int i = 0; i < size; i++) {
                float[] image = image(i);
                int slot = labels == null ? 0 : 1 + labels[i];
                if (slot > 0 && sums[slot] == null) {
                    sums[slot] = new double[image.length];
                }
                for (int k = 0; k < image.length; k++) {
                    sums[0][k] += image[k];
                    if (slot > 0) {
                        sums[slot][k] += image[k];
                    }
                }
                counts[0]++;
                if (slot > 0) {
                    counts[slot]++;
                }
            }
            for (int c = 0; c < sums.length; c++) {
                if (sums[c] != null) {
                    for (int k = 0; k < sums[c].length; k++) {
                        sums[c][k] /= counts[c];
                    }
                }
            }
            known = sums;
            means = known;
        }
        return known;
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
                float[] block = new float[(int) Math.min(BLOCK, pixels.length())];
                for (long from = 0; from < pixels.length(); from += block.length) {
                    int count = (int) Math.min(block.length, pixels.length() - from);
                    pixels.copy(from, block, 0, count);
                    for (int k = 0; k < count; k++) {
                        if (bytes.remaining() < Float.BYTES) {
                            digest.update(bytes.array(), 0, bytes.position());
                            bytes.clear();
                        }
                        bytes.putFloat(block[k]);
                    }
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
        Objects.checkIndex(n, size);
        return pixels.get((((long) n * channels + c) * height + y) * width + x);
    }

    /** A copy of one image's values (C x H x W). */
    public float[] image(int index) {
        Objects.checkIndex(index, size);
        int length = imageLength();
        float[] values = new float[length];
        pixels.copy((long) index * length, values, 0, length);
        return values;
    }

    /** The images at the given indices, in that order, with their labels. */
    public ImageSet select(int... indices) {
        int[] outLabels = labels == null ? null : new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            int index = Objects.checkIndex(indices[i], size);
            if (outLabels != null) {
                outLabels[i] = labels[index];
            }
        }
        return new ImageSet(
                pixels.select(indices, imageLength()), indices.length, channels, height, width, outLabels, classNames);
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

    /** The whole set as one NDArray of shape (N, C, H, W), owned by the given manager; under 2^31 values. */
    public NDArray toNDArray(NDManager manager) {
        if (pixels.length() > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("these " + size + " images hold " + pixels.length()
                    + " values, more than one array can: take them in batches, toNDArray(manager, from, to)");
        }
        return toNDArray(manager, 0, size);
    }

    /** The images from {@code from} (inclusive) to {@code to} (exclusive) as an NDArray, for batching. */
    public NDArray toNDArray(NDManager manager, int from, int to) {
        Objects.checkFromToIndex(from, to, size);
        int length = imageLength();
        float[] values = new float[Math.multiplyExact(to - from, length)];
        pixels.copy((long) from * length, values, 0, values.length);
        return manager.create(values, new Shape(to - from, channels, height, width));
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
        float[] block = new float[(int) Math.min(BLOCK, pixels.length())];
        for (long from = 0; from < pixels.length(); from += block.length) {
            int count = (int) Math.min(block.length, pixels.length() - from);
            pixels.copy(from, block, 0, count);
            for (int k = 0; k < count; k++) {
                sum += block[k];
            }
        }
        return pixels.length() == 0 ? 0 : sum / pixels.length();
    }

    @Override
    public String toString() {
        return "ImageSet[" + size + " x " + channels + "x" + height + "x" + width
                + (labels == null ? "" : ", " + Math.max(classNames.size(), 1) + " classes") + "]";
    }
}
