package org.latentmap.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.latentmap.linalg.CodeMatrix;

class HashesTest {
    /**
     * The hash of codes keys stored decoding errors: its bytes are the count, then each row led by its width, all
     * little-endian, as when codes were rows of their own; a change would orphan every stored result keyed by it.
     */
    @Test
    void codesHashTheirCountThenEachRowLedByItsWidth() throws Exception {
        CodeMatrix codes = CodeMatrix.ofRows(new float[][] {{1.5f, -2}, {0.25f, 3e-8f}, {7, 8}});
        ByteBuffer bytes = ByteBuffer.allocate(4 + 3 * (4 + 8)).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putInt(3);
        for (float[] row : codes.toRows()) {
            bytes.putInt(2).putFloat(row[0]).putFloat(row[1]);
        }
        String expected =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array()));
        assertEquals(expected, Hashes.sha256(codes));
    }
}
