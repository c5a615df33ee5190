package org.latentmap.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.latentmap.linalg.CodeMatrix;

class PackedValuesTest {
    @Test
    void partsComeBackInOrderExactlyAndInTheirOwnType() {
        CodeMatrix codes = CodeMatrix.ofRows(new float[][] {{1.5f, -2f}, {0.1f, 3e-8f}, {7f, 8f}});
        ByteBuffer packed = new PackedValues()
                .add(codes)
                .add(new float[] {0.3f})
                .add("ridge 0.1 (é)")
                .add(1.0 / 3, Math.PI)
                .add(new PackedValues().add(new double[] {2}))
                .add(new double[0])
                .toBytes();
        // codes: 16 bytes of header, 6 floats in 24 bytes; one float: 8 + 8 (padded); 14 bytes of UTF-8: 8 + 16;
        // two doubles: 8 + 16; the nested part: 8 + its 16; no doubles: 8
        assertEquals(40 + 16 + 24 + 24 + 24 + 8, packed.remaining());
        PackedValues.Reader reader = PackedValues.read(packed);
        assertEquals(codes, reader.codes());
        assertArrayEquals(new float[] {0.3f}, reader.floats(), 0);
        assertEquals("ridge 0.1 (é)", reader.text());
        assertArrayEquals(new double[] {1.0 / 3, Math.PI}, reader.doubles(), 0);
        PackedValues.Reader nested = reader.packed();
        assertArrayEquals(new double[] {2}, nested.doubles(), 0);
        nested.end();
        assertEquals(0, reader.doubles().length);
        reader.end();
    }

    /** The layout, byte by byte: stored results are read by it in later runs, so it changes only with a rule's version. */
    @Test
    void floatsAreFourBytesEachAfterTheirKindAndLengthPaddedToWholeWords() {
        ByteBuffer packed = new PackedValues().add(new float[] {1f, 2f, 3f}).toBytes();
        ByteBuffer expected = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        expected.putInt(2).putInt(3).putFloat(1f).putFloat(2f).putFloat(3f).putInt(0);
        assertEquals(expected.flip(), packed);
    }

    @Test
    void aPartThatDoesNotFitOrIsOfAnotherKindSaysSo() {
        ByteBuffer packed = new PackedValues().add(1, 2, 3).toBytes();
        PackedValues.Reader short_ = PackedValues.read(packed.duplicate().limit(20));
        var error = assertThrows(IllegalArgumentException.class, short_::doubles);
        assertEquals("packed values end inside a part of 3 doubles", error.getMessage());
        var kind = assertThrows(
                IllegalArgumentException.class, () -> PackedValues.read(packed).floats());
        assertEquals("the next packed part holds doubles, not floats", kind.getMessage());
        PackedValues.Reader reader =
                PackedValues.read(new PackedValues().add(1, 2).add(3).toBytes());
        reader.doubles();
        var more = assertThrows(IllegalArgumentException.class, reader::end);
        assertEquals("packed values hold 16 bytes more than their parts", more.getMessage());
        var none = assertThrows(IllegalArgumentException.class, reader::text);
        assertEquals("the next packed part holds doubles, not text", none.getMessage());
        var width = assertThrows(
                IllegalArgumentException.class,
                () -> PackedValues.read(
                                new PackedValues().addRows(new float[6], 3).toBytes())
                        .rowValues(2));
        assertEquals("stored rows of 3 values where 2 are read", width.getMessage());
    }
}
