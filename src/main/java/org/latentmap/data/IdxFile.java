package org.latentmap.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * A file in the IDX format of MNIST and Fashion-MNIST: a magic number (two zero bytes, a type byte, the
 * number of dimensions), the dimensions as big-endian ints, then the values. Only unsigned bytes (type 0x08),
 * the type these data sets use, are read. Gzipped files are recognised by their first bytes, not their name.
 */
public final class IdxFile {
    private static final int UNSIGNED_BYTE = 0x08;

    private final int[] dimensions;
    private final byte[] values;

    private IdxFile(int[] dimensions, byte[] values) {
        this.dimensions = dimensions;
        this.values = values;
    }

    /** Reads a whole IDX file, gzipped or not. */
    public static IdxFile read(Path file) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            boolean gzipped = b0 == 0x1f && b1 == 0x8b;
            try (DataInputStream in = new DataInputStream(gzipped ? new GZIPInputStream(raw, 1 << 16) : raw)) {
                return read(in, file);
            }
        } catch (NoSuchFileException e) {
            throw new DataException("IDX file not found: " + file);
        } catch (EOFException e) {
            throw truncated(file, "it ends inside its header");
        } catch (IOException e) {
            throw new DataException(
                    "cannot read IDX file " + file + ": " + e.getMessage() + ". If it is a download, fetch it again.",
                    e);
        }
    }

    private static IdxFile read(DataInputStream in, Path file) throws IOException {
        int magic = in.readInt();
        int type = (magic >>> 8) & 0xff;
        int rank = magic & 0xff;
        if ((magic >>> 16) != 0 || rank < 1 || rank > 4) {
            throw new DataException(String.format(
                    "%s is not an IDX file: its magic number is 0x%08X, an IDX file starts with 0x0000TTDD "
                            + "(TT the value type, DD the number of dimensions, for example 0x00000803 for images). "
                            + "Point at the *-ubyte files (gzipped or not) of MNIST or Fashion-MNIST.",
                    file, magic));
        }
        if (type != UNSIGNED_BYTE) {
            throw new DataException(String.format(
                    "%s holds values of IDX type 0x%02X; only unsigned bytes (0x08), "
                            + "as in MNIST and Fashion-MNIST, are supported",
                    file, type));
        }
        int[] dims = new int[rank];
        long count = 1;
        for (int i = 0; i < rank; i++) {
            dims[i] = in.readInt();
            if (dims[i] < 0) {
                throw new DataException(file + " has a negative dimension in its header: the file is damaged");
            }
            try {
                count = Math.multiplyExact(count, dims[i]);
            } catch (ArithmeticException e) {
                throw new DataException(file + " declares dimensions " + Arrays.toString(Arrays.copyOf(dims, i + 1))
                        + " whose product passes what a long holds: the header is damaged");
            }
        }
        if (count > Integer.MAX_VALUE - 8) {
            throw new DataException(file + " declares " + count + " values, more than one array can hold");
        }
        byte[] values = new byte[(int) count];
        int read = 0;
        try {
            read = in.readNBytes(values, 0, values.length);
        } catch (EOFException e) {
            // a gzipped file cut in its data: the inflater stops before the announced values
            throw truncated(
                    file,
                    "its header " + Arrays.toString(dims) + " announces " + count
                            + " values but its compressed data end before them");
        }
        if (read < values.length) {
            throw truncated(
                    file,
                    "its header " + Arrays.toString(dims) + " announces " + count + " values but only " + read
                            + " follow");
        }
        return new IdxFile(dims, values);
    }

    private static DataException truncated(Path file, String detail) {
        return new DataException(
                "IDX file " + file + " is truncated: " + detail
                        + ". Reinstall or download it again (for Fashion-MNIST: apt-get install --reinstall dataset-fashion-mnist).");
    }

    public int[] dimensions() {
        return dimensions.clone();
    }

    public int rank() {
        return dimensions.length;
    }

    /** Number of items: the first dimension. */
    public int count() {
        return dimensions[0];
    }

    /** The value at a flat index, as an unsigned number 0..255. */
    public int unsigned(int index) {
        return values[index] & 0xff;
    }

    /** All values as unsigned ints (labels). */
    public int[] unsignedValues() {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] & 0xff;
        }
        return out;
    }

    /** Number of values in one item: the product of the dimensions after the first. */
    public int itemLength() {
        int length = 1;
        for (int i = 1; i < dimensions.length; i++) {
            length *= dimensions[i];
        }
        return length;
    }
}
