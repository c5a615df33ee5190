package org.latentmap.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFileTest {
    @TempDir
    Path dir;

    @Test
    void readsPlainAndGzippedFilesAlike() throws IOException {
        int[] values = {0, 1, 127, 128, 200, 255};
        for (boolean gzip : new boolean[] {false, true}) {
            IdxFile idx = IdxFile.read(IdxFiles.write(dir.resolve("f" + gzip), new int[] {3, 1, 2}, values, gzip));
            assertArrayEquals(new int[] {3, 1, 2}, idx.dimensions());
            assertEquals(3, idx.count());
            assertEquals(2, idx.itemLength());
            assertArrayEquals(values, idx.unsignedValues(), "bytes above 127 are read unsigned");
        }
    }

    @Test
    void wrongMagicNumberSaysWhatAnIdxFileLooksLike() throws IOException {
        Path file = Files.write(dir.resolve("not-idx"), "hello world, this is text".getBytes());
        DataException e = assertThrows(DataException.class, () -> IdxFile.read(file));
        assertTrue(e.getMessage().contains("not an IDX file"), e.getMessage());
        assertTrue(e.getMessage().contains("magic number is 0x68656C6C"), e.getMessage());
    }

    @Test
    void truncatedFileSaysHowMuchIsMissingAndHowToFixIt() throws IOException {
        byte[] whole = IdxFiles.bytes(new int[] {10, 2, 2}, new int[40]);
        Path file = Files.write(dir.resolve("cut"), Arrays.copyOf(whole, whole.length - 15));
        DataException e = assertThrows(DataException.class, () -> IdxFile.read(file));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("announces 40 values but only 25 follow"), e.getMessage());
        assertTrue(e.getMessage().contains("--reinstall dataset-fashion-mnist"), e.getMessage());
    }

    @Test
    void truncatedHeaderIsReportedToo() throws IOException {
        Path file = Files.write(dir.resolve("header"), new byte[] {0, 0, 8, 3, 0, 0});
        DataException e = assertThrows(DataException.class, () -> IdxFile.read(file));
        assertTrue(e.getMessage().contains("ends inside its header"), e.getMessage());
    }

    @Test
    void aGzippedFileCutInItsDataIsNotReportedAsACutHeader() throws IOException {
        int[] values = new int[4000];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i * 37) % 256;
        }
        Path whole = IdxFiles.write(dir.resolve("whole.gz"), new int[] {1000, 2, 2}, values, true);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.gz"), Arrays.copyOf(bytes, bytes.length / 2));
        DataException e = assertThrows(DataException.class, () -> IdxFile.read(cut));
        assertTrue(
                e.getMessage().contains("announces 4000 values but its compressed data end before them"),
                e.getMessage());
    }

    @Test
    void dimensionsWhoseProductPassesALongAreRefused() throws IOException {
        // 0x00000804: unsigned bytes, four dimensions of 2^31 - 1 each
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x00000804);
        for (int i = 0; i < 4; i++) {
            out.writeInt(Integer.MAX_VALUE);
        }
        out.write(new byte[16]);
        Path file = Files.write(dir.resolve("huge"), bytes.toByteArray());
        DataException e = assertThrows(DataException.class, () -> IdxFile.read(file));
        assertTrue(e.getMessage().contains("whose product passes what a long holds"), e.getMessage());
    }

    @Test
    void missingFileIsNamed() {
        DataException e = assertThrows(DataException.class, () -> IdxFile.read(dir.resolve("nothing-here")));
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
    }
}
