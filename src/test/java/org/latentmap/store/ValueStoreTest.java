package org.latentmap.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValueStoreTest {
    @Test
    void twoAskingForTheSameNumbersAtOnceComputeThemOnce(@TempDir Path folder) throws Exception {
        List<String> messages = new CopyOnWriteArrayList<>();
        ValueStore store = ValueStore.reporting(messages::add);
        Rule rule = Rule.named("codes v1");
        Path file = ValueStore.file(folder, rule, "abc");
        AtomicInteger computed = new AtomicInteger();
        double[][] got = new double[2][];
        Runnable ask = () -> {
            ByteBuffer bytes = store.bytes(file, "key", "model a", rule, 16, "codes of a", () -> {
                computed.incrementAndGet();
                try {
                    Thread.sleep(800);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return ValueStore.of(new double[] {1.5, -2});
            });
            got[Thread.currentThread().getName().equals("first") ? 0 : 1] = ValueStore.doubles(bytes);
        };
        Thread first = new Thread(ask, "first");
        Thread second = new Thread(ask, "second");
        first.start();
        Thread.sleep(300);
        second.start();
        first.join(20_000);
        second.join(20_000);
        assertEquals(1, computed.get(), "computed once: " + messages);
        assertArrayEquals(new double[] {1.5, -2}, got[0]);
        assertArrayEquals(got[0], got[1], "the second read what the first stored");
        assertTrue(
                messages.stream()
                        .anyMatch(m -> m.startsWith("Waiting for the codes of model a, which the process on ")),
                messages.toString());
        assertTrue(!Files.exists(file.resolveSibling(file.getFileName() + ".lock")), "no lock is left");
    }
}
