package org.latentmap.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.latentmap.linalg.CodeMatrix;

class PackedValuesTest {
    @Test
    void partsComeBackInOrderAndExactly() {
        float[][] rows = {{1.5f, -2f}, {0.1f, 3e-8f}, {7f, 8f}};
        double[] packed = new PackedValues()
                .add(CodeMatrix.ofRows(rows))
                .add(new float[] {0.3f})
                .add(1.0 / 3, Math.PI)
                .add(new double[0])
                .toArray();
        assertEquals(2 + 6 + 1 + 1 + 1 + 2 + 1, packed.length);
        PackedValues.Reader reader = PackedValues.read(packed);
        assertEquals(CodeMatrix.ofRows(rows), reader.codes());
        assertArrayEquals(new float[] {0.3f}, reader.floats(), 0);
        assertArrayEquals(new double[] {1.0 / 3, Math.PI}, reader.doubles(), 0);
        assertEquals(0, reader.doubles().length);
        reader.end();
    }

    @Test
    void aPartThatDoesNotFitSaysSo() {
        double[] packed = new PackedValues().add(1, 2, 3).toArray();
        PackedValues.Reader short_ = PackedValues.read(Arrays.copyOf(packed, 3));
        var error = assertThrows(IllegalArgumentException.class, short_::doubles);
        assertEquals("packed values end inside a part of 3 numbers", error.getMessage());
        PackedValues.Reader reader =
                PackedValues.read(new PackedValues().add(1, 2).add(3).toArray());
        reader.doubles();
        var more = assertThrows(IllegalArgumentException.class, reader::end);
        assertEquals("packed values hold 2 numbers more than their parts", more.getMessage());
    }
}
