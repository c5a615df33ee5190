package org.latentmap.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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

    /**
     * A thread that allocates and fills 96 MiB in blocks of 3 MiB, then frees them, again and again, as a training step
     * does with its activations: the blocks outgrow one of glibc's 64 MiB pools, and by default the pool they spilled
     * into is unmapped when they are freed and mapped afresh in the next round, each page faulted in again; kept, the
     * pages are reused.
     */
    @Test
    void keptMemoryIsReusedWithoutFaultingItInAgain() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/self/stat")) && NativeMemory.trim(), "glibc on Linux only");
        long left = faultsPerRound("leave");
        long kept = faultsPerRound("keep");
        assertTrue(left > 5_000, "by default: " + left + " page faults per round");
        assertTrue(kept < left / 10, "kept: " + kept + " page faults per round (by default " + left + ")");
    }

    private static long faultsPerRound(String mode) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Churning.class.getName(),
                        mode)
                .redirectErrorStream(true);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        process.waitFor(60, TimeUnit.SECONDS);
        String[] lines = out.split("\n");
        return Long.parseLong(lines[lines.length - 1].trim());
    }

    /**
     * Allocates, fills and frees 32 blocks of 3 MiB, 16 times, on a thread of its own; prints the faults per round of
     * the last 12 (the first rounds settle the pools).
     */
    public static final class Churning {
        public static void main(String[] args) throws Exception {
            if (args[0].equals("keep") && !NativeMemory.keepFreedMemory()) {
                throw new IllegalStateException("glibc refused the settings");
            }
            long[] faults = new long[1];
            Thread thread = new Thread(() -> {
                NativeLibrary c = NativeLibrary.getInstance("c");
                long size = 3L << 20;
                Pointer[] blocks = new Pointer[32];
                for (int round = 0; round < 16; round++) {
                    if (round == 4) {
                        faults[0] = minorFaults();
                    }
                    for (int i = 0; i < blocks.length; i++) {
                        blocks[i] = c.getFunction("malloc").invokePointer(new Object[] {size});
                        blocks[i].setMemory(0, size, (byte) 1);
                    }
                    for (Pointer block : blocks) {
                        c.getFunction("free").invokeVoid(new Object[] {block});
                    }
                }
                faults[0] = (minorFaults() - faults[0]) / 12;
            });
            thread.start();
            thread.join();
            System.out.println(faults[0]);
        }

        private static long minorFaults() {
            try {
                String stat = Files.readString(Path.of("/proc/thread-self/stat"));
                return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[7]);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
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
