package org.latentmap.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.latentmap.linalg.CodeMatrix;

/**
 * A result made of several arrays, packed into the one array of doubles a {@link ValueStore} keeps, each
 * part led by its length (rows of codes by their count and width); floats come back exactly. Read the parts
 * back in the order they were added.
 */
public final class PackedValues {
    private final List<double[]> parts = new ArrayList<>();

    public PackedValues add(double... values) {
        parts.add(new double[] {values.length});
        parts.add(values.clone());
        return this;
    }

    public PackedValues add(float[] values) {
        double[] copy = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            copy[i] = values[i];
        }
        parts.add(new double[] {values.length});
        parts.add(copy);
        return this;
    }

    /** Rows of equal width (codes): their count, their width, then the values row by row. */
    public PackedValues add(CodeMatrix codes) {
        return addRows(codes.values(), codes.width());
    }

    /** Rows of {@code width} values one after the other in {@code values} (images' pixels), laid out as codes. */
    public PackedValues addRows(float[] values, int width) {
        if (width < 1 || values.length % width != 0) {
            throw new IllegalArgumentException(values.length + " values are not rows of " + width);
        }
        double[] flat = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            flat[i] = values[i];
        }
        parts.add(new double[] {values.length / width, width});
        parts.add(flat);
        return this;
    }

    public double[] toArray() {
        int length = parts.stream().mapToInt(p -> p.length).sum();
        double[] all = new double[length];
        int at = 0;
        for (double[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    /** Reads packed values back, part by part. */
    public static Reader read(double[] packed) {
        return new Reader(packed);
    }

    /** The parts of packed values, in the order they were added; a part that does not fit says so. */
    public static final class Reader {
        private final double[] packed;
        private int at;

        private Reader(double[] packed) {
            this.packed = packed;
        }

        public double[] doubles() {
            int n = length(next());
            double[] values = Arrays.copyOfRange(packed, at, take(n));
            return values;
        }

        public float[] floats() {
            double[] values = doubles();
            float[] out = new float[values.length];
            for (int i = 0; i < values.length; i++) {
                out[i] = (float) values[i];
            }
            return out;
        }

        public CodeMatrix codes() {
            int n = length(next());
            int width = length(next());
            return CodeMatrix.of(floatValues((long) n * width), width);
        }

        /** Rows of {@code width} written by {@link PackedValues#addRows}, one after the other. */
        public float[] rowValues(int width) {
            int n = length(next());
            int stored = length(next());
            if (stored != width) {
                throw new IllegalArgumentException("stored rows of " + stored + " values where " + width + " are read");
            }
            return floatValues((long) n * width);
        }

        private float[] floatValues(long count) {
            int from = at;
            take(count);
            float[] values = new float[(int) count];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) packed[from + i];
            }
            return values;
        }

        /** Says that every part was read. */
        public void end() {
            if (at != packed.length) {
                throw new IllegalArgumentException(
                        "packed values hold " + (packed.length - at) + " numbers more than their parts");
            }
        }

        private double next() {
            take(1);
            return packed[at - 1];
        }

        private int take(long n) {
            if (n < 0 || at + n > packed.length) {
                throw new IllegalArgumentException("packed values end inside a part of " + n + " numbers");
            }
            at += (int) n;
            return at;
        }

        private static int length(double value) {
            if (value < 0 || value != Math.rint(value) || value > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("a part's length is " + value);
            }
            return (int) value;
        }
    }
}
