package org.latentmap.linalg;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.latentmap.engine.Batches;

/**
 * Codes of many images in one latent space (the z of paper Sects. 2 and 6), one row per image: one flat array of
 * floats with its width, the layout the engine gives and takes and the store keeps. The one shape codes have from
 * encoding to the store, the sectors, the map fits and decoding. Never changed once made.
 */
public final class CodeMatrix {
    private final float[] values;
    private final int size;
    private final int width;

    private CodeMatrix(float[] values, int width) {
        if (width < 1) {
            throw new IllegalArgumentException(
                    "codes of width " + width + ": a latent space has at least one variable");
        }
        if (values.length % width != 0) {
            throw new IllegalArgumentException(
                    values.length + " values are not whole rows of " + width + " (the latent size)");
        }
        this.values = values;
        this.width = width;
        this.size = values.length / width;
    }

    /** Codes of {@code width} variables, row after row in {@code values} (copied). */
    public static CodeMatrix of(float[] values, int width) {
        return new CodeMatrix(values.clone(), width);
    }

    /** Codes of {@code width} variables read from the rest of {@code buffer}, row after row. */
    public static CodeMatrix of(FloatBuffer buffer, int width) {
        float[] values = new float[buffer.remaining()];
        buffer.get(values);
        return new CodeMatrix(values, width);
    }

    /** Codes given as rows of one width (at the edge to hand-written code); at least one row. */
    public static CodeMatrix ofRows(float[][] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("no rows: give an empty matrix its width with of(new float[0], width)");
        }
        int width = rows[0].length;
        float[] values = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != width) {
                throw new IllegalArgumentException(
                        "rows of different widths: row 0 has " + width + ", row " + i + " " + rows[i].length);
            }
            System.arraycopy(rows[i], 0, values, i * width, width);
        }
        return new CodeMatrix(values, width);
    }

    /** What one batch of codes is made from: the engine's rows {@code from} to {@code to}, {@code width} each. */
    @FunctionalInterface
    public interface BatchCodes {
        NDArray codes(NDManager manager, int from, int to);
    }

    /** {@code count} codes of {@code width} variables made by the engine {@code batch} at a time ({@link Batches}). */
    public static CodeMatrix inBatches(int count, int width, int batch, BatchCodes codes) {
        float[] values = new float[count * width];
        Batches.of(count, batch, (manager, from, to) -> {
            float[] flat = codes.codes(manager, from, to).toFloatArray();
            if (flat.length != (to - from) * width) {
                throw new IllegalStateException(
                        flat.length + " values for " + (to - from) + " codes of " + width + " variables");
            }
            System.arraycopy(flat, 0, values, from * width, flat.length);
        });
        return new CodeMatrix(values, width);
    }

    /** How many codes (rows). */
    public int size() {
        return size;
    }

    /** How many variables a code has (the latent size). */
    public int width() {
        return width;
    }

    /** How many codes hold a NaN or an infinite value (a model's encoding went wrong on those images). */
    public int nonFiniteRows() {
        int count = 0;
        for (int i = 0; i < size; i++) {
            for (int k = i * width; k < (i + 1) * width; k++) {
                if (!Float.isFinite(values[k])) {
                    count++;
                    break;
                }
            }
        }
        return count;
    }

    /** Variable {@code k} of code {@code i}. */
    public float get(int i, int k) {
        if (k < 0 || k >= width) {
            throw new IndexOutOfBoundsException("variable " + k + " of codes of width " + width);
        }
        return values[i * width + k];
    }

    /** Code {@code i} (a copy). */
    public float[] row(int i) {
        requireRow(i);
        return Arrays.copyOfRange(values, i * width, (i + 1) * width);
    }

    /** The codes at {@code indices}, in their order. */
    public CodeMatrix rows(int... indices) {
        float[] picked = new float[indices.length * width];
        for (int j = 0; j < indices.length; j++) {
            requireRow(indices[j]);
            System.arraycopy(values, indices[j] * width, picked, j * width, width);
        }
        return new CodeMatrix(picked, width);
    }

    /** Codes {@code from} (inclusive) to {@code to} (exclusive). */
    public CodeMatrix range(int from, int to) {
        if (from < 0 || to > size || from > to) {
            throw new IndexOutOfBoundsException("codes " + from + " to " + to + " of " + size);
        }
        return new CodeMatrix(Arrays.copyOfRange(values, from * width, to * width), width);
    }

    /** The mean squared difference of code {@code i} and code {@code j} of {@code other} ({@link SquaredError}). */
    public double squaredError(int i, CodeMatrix other, int j) {
        if (other.width != width) {
            throw new IllegalArgumentException("codes of width " + width + " against codes of width " + other.width);
        }
        requireRow(i);
        other.requireRow(j);
        return SquaredError.mean(values, i * width, other.values, j * other.width, width);
    }

    /** The squared Euclidean distance of code {@code i} from {@code point} ({@link SquaredError#sum}). */
    public double squaredDistance(int i, float[] point) {
        if (point.length != width) {
            throw new IllegalArgumentException(
                    "a point of " + point.length + " values against codes of width " + width);
        }
        requireRow(i);
        return SquaredError.sum(values, i * width, point, 0, width);
    }

    /** All values, row after row (a copy). */
    public float[] values() {
        return values.clone();
    }

    /** The codes as rows (for hand-written code, as in the exercises). */
    public float[][] toRows() {
        float[][] rows = new float[size][];
        for (int i = 0; i < size; i++) {
            rows[i] = row(i);
        }
        return rows;
    }

    /** Codes {@code from} to {@code to} as a (to - from) x width tensor of {@code manager}. */
    public NDArray toNDArray(NDManager manager, int from, int to) {
        if (from < 0 || to > size || from > to) {
            throw new IndexOutOfBoundsException("codes " + from + " to " + to + " of " + size);
        }
        return manager.create(Arrays.copyOfRange(values, from * width, to * width), new Shape(to - from, width));
    }

    /** All codes as a size x width tensor of {@code manager}. */
    public NDArray toNDArray(NDManager manager) {
        return toNDArray(manager, 0, size);
    }

    private void requireRow(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("code " + i + " of " + size);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CodeMatrix m && m.width == width && Arrays.equals(m.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * width + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return size + " codes of " + width + " variables";
    }
}
