package org.latentmap.data;

/**
 * Where an {@link ImageSet}'s values live, indexed as one long sequence (image by image, N,C,H,W): floats as
 * given ({@link FloatPixels}), or bytes standing for byte / 255 in chunks ({@link BytePixels}), a quarter of the
 * memory and no limit at 2^31 values (CelebA's training split alone holds two billion).
 */
interface Pixels {
    /** Number of values. */
    long length();

    /** The value at {@code index}, in [0, 1] for images. */
    float get(long index);

    /** Values [from, from + count) as floats into {@code target} from {@code offset}. */
    void copy(long from, float[] target, int offset, int count);

    /** The images at {@code indices} (each {@code imageLength} values), in that order, stored as this store stores. */
    Pixels select(int[] indices, int imageLength);
}
