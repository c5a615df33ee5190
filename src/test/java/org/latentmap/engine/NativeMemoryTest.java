package org.latentmap.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NativeMemoryTest {
    private static final int BLOCKS = 4096;
    private static final long BLOCK = 64 * 1024;

    /**
     * 256 MiB in blocks of 64 KiB (below the sizes glibc maps on their own), every other block freed: the holes stay
     * resident in the allocator's arena until trimmed, which hands at least half of them back.
     */
    @Test
    void trimmingHandsFreedHolesBack() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/self/status")) && NativeMemory.trim(), "glibc on Linux only");
        NativeLibrary c = NativeLibrary.getInstance("c");
        Pointer[] blocks = new Pointer[BLOCKS];
        for (int i = 0; i < BLOCKS; i++) {
            blocks[i] = c.getFunction("malloc").invokePointer(new Object[] {BLOCK});
            blocks[i].setMemory(0, BLOCK, (byte) 1);
        }
        for (int i = 0; i < BLOCKS; i += 2) {
            c.getFunction("free").invokeVoid(new Object[] {blocks[i]});
        }
        long holes = BLOCKS / 2 * BLOCK;
        long before = residentBytes();
        assertTrue(NativeMemory.trim());
        long after = residentBytes();
        for (int i = 1; i < BLOCKS; i += 2) {
            c.getFunction("free").invokeVoid(new Object[] {blocks[i]});
        }
        assertTrue(before - after >= holes / 2, "resident " + before + " -> " + after + " bytes; holes " + holes);
    }

    private static long residentBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.split("\\s+")[1]) * 1024;
            }
        }
        throw new IllegalStateException("no VmRSS");
    }
}
