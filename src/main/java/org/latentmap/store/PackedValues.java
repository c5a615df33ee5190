package org.latentmap.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.latentmap.linalg.CodeMatrix;

/**
 * A result made of several parts (numbers, codes, a name, a nested result), packed into the bytes a
 * {@link ValueStore} keeps, each part in its own type: doubles as 8 bytes, floats and codes as 4, text as UTF-8.
 * A part is a header (its kind and length, for codes their count and width too), then its bytes, padded with zeros
 * to whole 8-byte words, all little-endian. Parts are read back in the order they were added, each as the kind it
 * was written as; a part of another kind, or one that does not fit, says so.
 */
public final class PackedValues {
    private static final int DOUBLES = 1;
    private static final int FLOATS = 2;
    private static final int CODES = 3;
    private static final int TEXT = 4;
    private static final int NESTED = 5;

    private final List<ByteBuffer> parts = new ArrayList<>();

    public PackedValues add(double... values) {
        ByteBuffer part = part(DOUBLES, values.length, 0, 8L * values.length);
        part.asDoubleBuffer().put(values);
        return this;
    }

    public PackedValues add(float[] values) {
        ByteBuffer part = part(FLOATS, values.length, 0, 4L * values.length);
        part.asFloatBuffer().put(values);
        return this;
    }

    /** Codes: their count, their width, then the values row by row, as floats. */
    public PackedValues add(CodeMatrix codes) {
        return addRows(codes.values(), codes.width());
    }

    /** Rows of {@code width} values one after the other in {@code values} (images' pixels), laid out as codes. */
    public PackedValues addRows(float[] values, int width) {
        if (width < 1 || values.length % width != 0) {
            throw new IllegalArgumentException(values.length + " values are not rows of " + width);
        }
        ByteBuffer part = part(CODES, values.length, width, 4L * values.length);
        part.asFloatBuffer().put(values);
        return this;
    }

    /** A name, as UTF-8. */
    public PackedValues add(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        part(TEXT, bytes.length, 0, bytes.length).put(bytes);
        return this;
    }

    /** Another packed result, kept whole as one part (read back by {@link Reader#packed()}). */
    public PackedValues add(PackedValues nested) {
        ByteBuffer bytes = nested.toBytes();
        part(NESTED, bytes.remaining(), 0, bytes.remaining()).put(bytes);
        return this;
    }

    /** All parts, in the order they were added: a whole number of 8-byte words. */
    public ByteBuffer toBytes() {
        int length = parts.stream().mapToInt(ByteBuffer::capacity).sum();
        ByteBuffer all = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        for (ByteBuffer part : parts) {
            all.put(part.duplicate().clear());
        }
        return all.flip();
    }

    /** A part's header and room for its {@code bytes} bytes of values, positioned at the values. */
    private ByteBuffer part(int kind, int length, int width, long bytes) {
        long words = (bytes + 7) / 8;
        long size = 8 + (kind == CODES ? 8 : 0) + 8 * words;
        if (size > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException(bytes + " bytes are more than one stored part holds");
        }
        ByteBuffer part = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
        part.putInt(kind).putInt(length);
        if (kind == CODES) {
            part.putInt(length / width).putInt(width);
        }
        parts.add(part);
        return part.slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Reads packed values back, part by part. */
    public static Reader read(ByteBuffer bytes) {
        return new Reader(bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN));
    }

    /** The parts of packed values, in the order they were added; a part that does not fit says so. */
    public static final class Reader {
        private final ByteBuffer bytes;
        /** The width of the rows read last. */
        private int rowWidth;

        private Reader(ByteBuffer bytes) {
            this.bytes = bytes;
        }

        public double[] doubles() {
            ByteBuffer values = values(DOUBLES, 8);
            double[] out = new double[values.remaining() / 8];
            values.asDoubleBuffer().get(out);
            return out;
        }

        public float[] floats() {
            return floatsOf(FLOATS);
        }

        public CodeMatrix codes() {
            float[] values = floatsOf(CODES);
            return CodeMatrix.of(values, rowWidth);
        }

        /** Rows of {@code width} written by {@link PackedValues#addRows}, one after the other. */
        public float[] rowValues(int width) {
            float[] values = floatsOf(CODES);
            if (rowWidth != width) {
                throw new IllegalArgumentException(
                        "stored rows of " + rowWidth + " values where " + width + " are read");
            }
            return values;
        }

        /** The next part's floats, a part of {@code kind} (floats, or codes with their width kept). */
        private float[] floatsOf(int kind) {
            ByteBuffer values = values(kind, 4);
            float[] out = new float[values.remaining() / 4];
            values.asFloatBuffer().get(out);
            return out;
        }

        public String text() {
            ByteBuffer values = values(TEXT, 1);
            byte[] out = new byte[values.remaining()];
            values.get(out);
            return new String(out, StandardCharsets.UTF_8);
        }

        /** A packed result added whole ({@link PackedValues#add(PackedValues)}). */
        public Reader packed() {
            return new Reader(values(NESTED, 1).order(ByteOrder.LITTLE_ENDIAN));
        }

        /** Says that every part was read. */
        public void end() {
            if (bytes.hasRemaining()) {
                throw new IllegalArgumentException(
                        "packed values hold " + bytes.remaining() + " bytes more than their parts");
            }
        }

        /** The next part's values, which must be of {@code kind}; the reader moves past its padding. */
        private ByteBuffer values(int kind, int size) {
            if (bytes.remaining() < 8) {
                throw new IllegalArgumentException("packed values end where a part was to begin");
            }
            int stored = bytes.getInt();
            int length = bytes.getInt();
            if (stored != kind) {
                throw new IllegalArgumentException(
                        "the next packed part holds " + name(stored) + ", not " + name(kind));
            }
            if (kind == CODES) {
                take(8);
                int count = bytes.getInt(bytes.position() - 8);
                rowWidth = bytes.getInt(bytes.position() - 4);
                if (rowWidth < 1 || (long) count * rowWidth != length) {
                    throw new IllegalArgumentException(
                            "stored codes of " + count + " x " + rowWidth + " hold " + length + " values");
                }
            }
            long byteCount = (long) length * size;
            if (length < 0 || (byteCount + 7) / 8 * 8 > bytes.remaining()) {
                throw new IllegalArgumentException("packed values end inside a part of " + length + " " + name(kind));
            }
            ByteBuffer values = bytes.slice().limit((int) byteCount).order(ByteOrder.LITTLE_ENDIAN);
            take((byteCount + 7) / 8 * 8);
            return values;
        }

        private void take(long n) {
            if (n > bytes.remaining()) {
                throw new IllegalArgumentException("packed values end inside a part's header");
            }
            bytes.position(bytes.position() + (int) n);
        }

        private static String name(int kind) {
            return switch (kind) {
                case DOUBLES -> "doubles";
                case FLOATS -> "floats";
                case CODES -> "codes";
                case TEXT -> "text";
                case NESTED -> "a nested result";
                default -> "an unknown kind (" + kind + ")";
            };
        }
    }
}
