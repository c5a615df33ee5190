package org.latentmap.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodeMatrixTest {
    private static final CodeMatrix THREE = CodeMatrix.ofRows(new float[][] {{1, 2}, {3, 4}, {5, 6.5f}});

    @Test
    void rowsOfOneWidthAreOneFlatArray() {
        assertEquals(3, THREE.size());
        assertEquals(2, THREE.width());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6.5f}, THREE.values());
        assertEquals(4f, THREE.get(1, 1));
        assertArrayEquals(new float[] {5, 6.5f}, THREE.row(2));
        assertEquals(THREE, CodeMatrix.of(new float[] {1, 2, 3, 4, 5, 6.5f}, 2));
        assertEquals(THREE, CodeMatrix.of(FloatBuffer.wrap(new float[] {1, 2, 3, 4, 5, 6.5f}), 2));
        assertEquals(THREE, CodeMatrix.ofRows(THREE.toRows()));
        assertNotEquals(THREE, CodeMatrix.of(new float[] {1, 2, 3, 4, 5, 6.5f}, 3), "the width is part of it");
        assertEquals("3 codes of 2 variables", THREE.toString());
    }

    @Test
    void itIsNeverChangedThroughWhatItGivesOrWasGiven() {
        float[] values = {1, 2};
        CodeMatrix m = CodeMatrix.of(values, 2);
        values[0] = 9;
        m.values()[1] = 9;
        m.row(0)[0] = 9;
        assertArrayEquals(new float[] {1, 2}, m.values());
    }

    @Test
    void rowsArePickedInTheOrderAsked() {
        assertEquals(CodeMatrix.ofRows(new float[][] {{5, 6.5f}, {1, 2}, {5, 6.5f}}), THREE.rows(2, 0, 2));
        assertEquals(CodeMatrix.ofRows(new float[][] {{3, 4}, {5, 6.5f}}), THREE.range(1, 3));
        assertEquals(0, THREE.rows().size());
        assertThrows(IndexOutOfBoundsException.class, () -> THREE.rows(3));
        assertThrows(IndexOutOfBoundsException.class, () -> THREE.range(2, 4));
        assertThrows(IndexOutOfBoundsException.class, () -> THREE.get(0, 2));
    }

    @Test
    void errorsAndDistancesAreTheSquaredErrorsOfRows() {
        // (1 - 5)^2 + (2 - 6.5)^2 = 16 + 20.25
        assertEquals(36.25, THREE.squaredDistance(0, new float[] {5, 6.5f}), 0);
        assertEquals(36.25 / 2, THREE.squaredError(0, THREE, 2), 0);
        assertEquals(SquaredError.mean(THREE.row(1), THREE.row(2)), THREE.squaredError(1, THREE, 2), 0);
        var width = assertThrows(
                IllegalArgumentException.class, () -> THREE.squaredError(0, CodeMatrix.of(new float[3], 3), 0));
        assertEquals("codes of width 2 against codes of width 3", width.getMessage());
    }

    @Test
    void badShapesAreRefusedWithWhatToDo() {
        var ragged = assertThrows(IllegalArgumentException.class, () -> CodeMatrix.ofRows(new float[][] {{1, 2}, {3}}));
        assertEquals("rows of different widths: row 0 has 2, row 1 1", ragged.getMessage());
        var partial = assertThrows(IllegalArgumentException.class, () -> CodeMatrix.of(new float[5], 2));
        assertEquals("5 values are not whole rows of 2 (the latent size)", partial.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CodeMatrix.of(new float[0], 0));
        var none = assertThrows(IllegalArgumentException.class, () -> CodeMatrix.ofRows(new float[0][]));
        assertEquals("no rows: give an empty matrix its width with of(new float[0], width)", none.getMessage());
    }

    @Test
    void theEngineGetsAndGivesTheSameValuesInBatches() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray part = THREE.toNDArray(manager, 1, 3);
            assertEquals(new Shape(2, 2), part.getShape());
            assertArrayEquals(new float[] {3, 4, 5, 6.5f}, part.toFloatArray());
        }
        List<int[]> batches = new ArrayList<>();
        CodeMatrix doubled = CodeMatrix.inBatches(3, 2, 2, (manager, from, to) -> {
            batches.add(new int[] {from, to});
            return THREE.toNDArray(manager, from, to).mul(2);
        });
        assertEquals(CodeMatrix.ofRows(new float[][] {{2, 4}, {6, 8}, {10, 13}}), doubled);
        assertEquals(2, batches.size());
        assertArrayEquals(new int[] {2, 3}, batches.get(1), "the last batch holds what is left");
        var wrong = assertThrows(
                IllegalStateException.class,
                () -> CodeMatrix.inBatches(3, 3, 2, (manager, from, to) -> THREE.toNDArray(manager, from, to)));
        assertEquals("4 values for 2 codes of 3 variables", wrong.getMessage());
    }
}
