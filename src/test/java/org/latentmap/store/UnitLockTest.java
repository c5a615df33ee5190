package org.latentmap.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnitLockTest {
    private static final Duration BEAT = Duration.ofMillis(100);
    private static final Duration STALE = Duration.ofMillis(1200);

    @TempDir
    Path folder;

    private final List<String> messages = new CopyOnWriteArrayList<>();

    private UnitLock take(Path file) {
        return UnitLock.acquire(file, "unit A", messages::add, BEAT, STALE);
    }

    @Test
    void aHeldLockNamesItsHolderAndIsGoneWhenReleased() throws Exception {
        Path file = folder.resolve("a.lock");
        try (UnitLock lock = take(file)) {
            String line = Files.readString(file).strip();
            assertTrue(
                    line.matches("host .+, process " + ProcessHandle.current().pid() + ", since .+"), line);
            try (var files = Files.list(folder)) {
                assertEquals(1, files.count(), "no helper file is left beside the lock");
            }
        }
        assertFalse(Files.exists(file));
        assertTrue(messages.isEmpty(), messages.toString());
    }

    @Test
    void aSecondTakerWaitsSayingForWhomThenGoesOn() throws Exception {
        Path file = folder.resolve("a.lock");
        AtomicBoolean taken = new AtomicBoolean();
        UnitLock first = take(file);
        Thread second = new Thread(() -> {
            try (UnitLock lock = take(file)) {
                taken.set(true);
            }
        });
        second.start();
        Thread.sleep(1000);
        assertFalse(taken.get(), "a live holder's lock is waited for");
        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.get(0).startsWith("Waiting for unit A, which the process on "), messages.get(0));
        first.close();
        second.join(10_000);
        assertTrue(taken.get(), "taken once released");
    }

    @Test
    void theLockOfAnEndedProcessOnThisHostIsTakenOver() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Path file = folder.resolve("a.lock");
        String host = UnitLock.holderLine().replaceFirst(", process .*", "");
        Files.writeString(file, host + ", process " + ended.pid() + ", since 2026-01-01T00:00:00Z\n");
        try (UnitLock lock = take(file)) {
            assertEquals(1, messages.size(), messages.toString());
            assertTrue(
                    messages.get(0).startsWith("Taking over unit A: the process that held it (")
                            && messages.get(0).endsWith(") has ended."),
                    messages.get(0));
        }
    }

    @Test
    void anotherHostsLockIsWaitedForUntilItGoesUntouched() throws Exception {
        Path file = folder.resolve("a.lock");
        Files.writeString(file, "host elsewhere, process 1, since 2026-01-01T00:00:00Z\n");
        long started = System.nanoTime();
        try (UnitLock lock = take(file)) {
            double waited = (System.nanoTime() - started) / 1e9;
            assertTrue(waited >= 1.0, "a fresh lock of another host is waited for: " + waited + " s");
            assertTrue(
                    messages.get(0).startsWith("Waiting for unit A, which the process on elsewhere"),
                    messages.toString());
            assertTrue(
                    messages.get(1).startsWith("Taking over unit A: its holder (host elsewhere, process 1")
                            && messages.get(1).contains("has not touched the lock for"),
                    messages.toString());
        }
    }

    @Test
    void anUnreadableOldLockIsTakenOverAndALiveHoldersHeartbeatKeepsItsLock() throws Exception {
        Path file = folder.resolve("a.lock");
        Files.write(file, new byte[] {(byte) 0xff, 0, 7});
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
        try (UnitLock lock = take(file)) {
            assertTrue(messages.get(0).contains("is unreadable and"), messages.toString());
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
            Thread.sleep(500);
            Duration age = Duration.between(Files.getLastModifiedTime(file).toInstant(), Instant.now());
            assertTrue(age.compareTo(Duration.ofSeconds(1)) < 0, "the heartbeat touched it: " + age);
        }
    }
}
