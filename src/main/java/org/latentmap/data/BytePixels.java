package org.latentmap.data;

import java.util.Objects;

/**
 * Pixel values held as unsigned bytes, value = byte / 255, in chunks of whole images (at most 2^30 bytes each), so
 * that a set may hold more than 2^31 values: CelebA's 162,770 training images of 3x64x64 are 2.0 GB of bytes
 * (8 GB as floats), and with the validation split they pass 2^31. All index arithmetic is in {@code long}.
 */
final class BytePixels implements Pixels {
    /** The largest chunk, in bytes. */
    static final int CHUNK_BYTES = 1 << 30;

    private final byte[][] chunks;
    private final int imagesPerChunk;
    private final int imageLength;
    private final int size;

    /**
     * {@code size} images of {@code imageLength} values, image i at chunk i / imagesPerChunk, position
     * (i % imagesPerChunk) x imageLength. Chunks may be shared (a test's set of billions of values in a few MB).
     */
    BytePixels(byte[][] chunks, int imagesPerChunk, int imageLength, int size) {
        if (imagesPerChunk < 1 || imageLength < 1 || size < 0) {
            throw new IllegalArgumentException("a byte store needs images per chunk >= 1, image length >= 1 and a size"
                    + " >= 0, got " + imagesPerChunk + ", " + imageLength + ", " + size);
        }
        long needed = (size + (long) imagesPerChunk - 1) / imagesPerChunk;
        if (chunks.length < needed) {
            throw new IllegalArgumentException(chunks.length + " chunks for " + size + " images of " + imagesPerChunk
                    + " per chunk: need " + needed);
        }
        for (int c = 0; c < needed; c++) {
            long images = Math.min(imagesPerChunk, size - (long) c * imagesPerChunk);
            if (chunks[c].length < images * imageLength) {
                throw new IllegalArgumentException("chunk " + c + " holds " + chunks[c].length + " bytes, " + images
                        + " images of " + imageLength + " need " + images * imageLength);
            }
        }
        this.chunks = chunks;
        this.imagesPerChunk = imagesPerChunk;
        this.imageLength = imageLength;
        this.size = size;
    }

    /** Zeroed storage for {@code size} images of {@code imageLength} values, chunks as large as allowed. */
    static BytePixels allocate(int size, int imageLength) {
        int perChunk = Math.max(1, CHUNK_BYTES / imageLength);
        int count = (int) ((size + (long) perChunk - 1) / perChunk);
        byte[][] chunks = new byte[count][];
        for (int c = 0; c < count; c++) {
            long images = Math.min(perChunk, size - (long) c * perChunk);
            chunks[c] = new byte[Math.toIntExact(images * imageLength)];
        }
        return new BytePixels(chunks, perChunk, imageLength, size);
    }

    /** Writes image {@code image} from {@code values} (imageLength bytes). */
    void put(int image, byte[] values, int offset) {
        Objects.checkIndex(image, size);
        System.arraycopy(
                values, offset, chunks[image / imagesPerChunk], (image % imagesPerChunk) * imageLength, imageLength);
    }

    @Override
    public long length() {
        return (long) size * imageLength;
    }

    @Override
    public float get(long index) {
        Objects.checkIndex(index, length());
        int image = (int) (index / imageLength);
        int within = (int) (index % imageLength);
        return (chunks[image / imagesPerChunk][(image % imagesPerChunk) * imageLength + within] & 0xff) / 255f;
    }

    @Override
    public void copy(long from, float[] target, int offset, int count) {
        Objects.checkFromIndexSize(from, count, length());
        long index = from;
        int written = 0;
        while (written < count) {
            int image = (int) (index / imageLength);
            int within = (int) (index % imageLength);
            byte[] chunk = chunks[image / imagesPerChunk];
            int start = (image % imagesPerChunk) * imageLength + within;
            int run = Math.min(imageLength - within, count - written);
            for (int k = 0; k < run; k++) {
                target[offset + written + k] = (chunk[start + k] & 0xff) / 255f;
            }
            written += run;
            index += run;
        }
    }

    @Override
    public Pixels select(int[] indices, int length) {
        BytePixels out = allocate(indices.length, imageLength);
        for (int i = 0; i < indices.length; i++) {
            int image = Objects.checkIndex(indices[i], size);
            out.put(i, chunks[image / imagesPerChunk], (image % imagesPerChunk) * imageLength);
        }
        return out;
    }
}
