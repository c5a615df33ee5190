package org.latentmap.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageStorageTest {

    /** Five 1x2x2 images, image i holding the levels 10 i, 10 i + 1, 10 i + 2, 10 i + 3 (of 255). */
    private static byte[] levels(int i) {
        return new byte[] {(byte) (10 * i), (byte) (10 * i + 1), (byte) (10 * i + 2), (byte) (10 * i + 3)};
    }

    private static ImageSet asFloats() {
        float[] values = new float[20];
        for (int i = 0; i < 5; i++) {
            for (int k = 0; k < 4; k++) {
                values[4 * i + k] = (10 * i + k) / 255f;
            }
        }
        return new ImageSet(values, 5, 1, 2, 2, new int[] {0, 1, 0, 1, 2}, List.of("a", "b", "c"));
    }

    /** The same images as bytes, two per chunk: images 4 and 5 sit in the third chunk. */
    private static ImageSet asBytes() {
        byte[][] chunks = {new byte[8], new byte[8], new byte[4]};
        BytePixels pixels = new BytePixels(chunks, 2, 4, 5);
        for (int i = 0; i < 5; i++) {
            pixels.put(i, levels(i), 0);
        }
        return new ImageSet(pixels, 5, 1, 2, 2, new int[] {0, 1, 0, 1, 2}, List.of("a", "b", "c"));
    }

    @Test
    void bytesAcrossChunksReadAsTheSameFloats() {
        ImageSet floats = asFloats();
        ImageSet bytes = asBytes();
        assertEquals(floats.fingerprint(), bytes.fingerprint(), "the fingerprint depends on the values only");
        assertEquals(floats.meanPixel(), bytes.meanPixel(), 1e-12);
        assertEquals(43 / 255f, bytes.pixel(4, 0, 1, 1));
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(floats.image(i), bytes.image(i));
        }
        ImageSet picked = bytes.select(4, 1, 2);
        assertArrayEquals(floats.select(4, 1, 2).image(0), picked.image(0));
        assertEquals(2, picked.label(0));
        assertEquals(floats.head(3).fingerprint(), bytes.head(3).fingerprint());
        try (NDManager manager = NDManager.newBaseManager()) {
            assertArrayEquals(
                    floats.toNDArray(manager, 1, 4).toFloatArray(),
                    bytes.toNDArray(manager, 1, 4).toFloatArray());
            assertArrayEquals(
                    floats.toNDArray(manager).toFloatArray(),
                    bytes.toNDArray(manager).toFloatArray());
        }
    }

    @Test
    void aSetOfMoreThanTwoBillionValuesIsAddressedWithoutMaterialisingIt() {
        // 200,000 CelebA-sized images (3x64x64): 2.46e9 values, past 2^31; every chunk of 1,000 images is the
        // same 12 MB array, so image i holds what image i % 1,000 does
        int length = 3 * 64 * 64;
        byte[] shared = new byte[1000 * length];
        for (int i = 0; i < 1000; i++) {
            shared[i * length + length - 1] = (byte) (i % 256);
            shared[i * length] = (byte) 200;
        }
        byte[][] chunks = new byte[200][];
        Arrays.fill(chunks, shared);
        ImageSet huge = new ImageSet(new BytePixels(chunks, 1000, length, 200_000), 200_000, 3, 64, 64, null, null);
        assertTrue((long) huge.size() * huge.imageLength() > Integer.MAX_VALUE);
        assertEquals(999 % 256 / 255f, huge.pixel(199_999, 2, 63, 63));
        assertEquals(200 / 255f, huge.pixel(199_999, 0, 0, 0));
        assertEquals(175_321 % 1000 % 256 / 255f, huge.image(175_321)[length - 1]);
        ImageSet two = huge.select(0, 199_999);
        assertEquals(999 % 256 / 255f, two.pixel(1, 2, 63, 63));
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray last = huge.toNDArray(manager, 199_998, 200_000);
            assertEquals(new Shape(2, 3, 64, 64), last.getShape());
            assertEquals(998 % 256 / 255f, last.getFloat(0, 2, 63, 63));
            var error = assertThrows(IllegalStateException.class, () -> huge.toNDArray(manager));
            assertTrue(error.getMessage().contains("take them in batches"), error.getMessage());
        }
    }

    @Test
    void imageBytesRoundFloatsToTheNearestLevelAndRefuseWhatIsNoPixel() {
        ImageBytes bytes = ImageBytes.of(2, 1, 1, 2);
        bytes.put(0, new float[] {0.5f, 1.0000001f});
        bytes.put(1, new byte[] {(byte) 255, 0});
        var error = assertThrows(IllegalArgumentException.class, () -> bytes.put(1, new float[] {0.5f, 1.5f}));
        assertEquals("pixel 1 of image 1 is 1.5: values must be in [0, 1]", error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> bytes.put(1, new float[] {0.5f}));
        assertThrows(IndexOutOfBoundsException.class, () -> bytes.put(2, new byte[2]));
        ImageSet set = bytes.toImageSet(null, null);
        try (NDManager manager = NDManager.newBaseManager()) {
            assertArrayEquals(
                    new float[] {128 / 255f, 1f, 1f, 0f}, set.toNDArray(manager).toFloatArray());
        }
        assertThrows(IllegalStateException.class, () -> bytes.toImageSet(null, null));
    }
}
