package org.latentmap.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A lock on one unit of work in a folder that many processes share, on one machine or a cluster's shared file system
 * (a zoo model's training): a lock file beside the unit's result, holding its holder's host, process and start.
 *
 * <p>How, and why not {@code FileChannel.tryLock}: NFS keeps such locks through a lock daemon that clusters often lack
 * or misconfigure, and one JVM cannot hold them twice. Instead the holder writes its line to a file of its own and
 * hard-links the lock's name to it, which succeeds for exactly one process and is atomic on local disks and on NFS
 * (the classic lock-file way); the lock never exists without its line. While working, the holder touches the lock
 * every {@link #HEARTBEAT}. A process that finds the lock held waits, saying once whose lock it waits for, and goes on
 * when it is gone (then reading what the holder made). A lock whose holder is gone is taken over, and said so: on the
 * same host when that process has ended, on another host when the lock has not been touched for {@link #STALE}; an
 * unreadable lock counts as gone once it is that old.
 */
public final class UnitLock implements AutoCloseable {
    /** How often a holder touches its lock. */
    public static final Duration HEARTBEAT = Duration.ofSeconds(20);
    /** How long a lock of another host may go untouched before it is taken to be left by a dead process. */
    public static final Duration STALE = Duration.ofMinutes(3);

    private static final Duration POLL = Duration.ofSeconds(1);

    private final Path file;
    private final String line;
    private final ScheduledExecutorService heartbeat;

    private UnitLock(Path file, String line, Duration every) {
        this.file = file;
        this.line = line;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lock heartbeat " + file.getFileName());
            t.setDaemon(true);
            return t;
        });
        long millis = every.toMillis();
        heartbeat.scheduleAtFixedRate(this::touch, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Takes the lock {@code file} on {@code unit} (named in messages), waiting while another live process holds it. */
    public static UnitLock acquire(Path file, String unit, Consumer<String> messages) {
        return acquire(file, unit, messages, HEARTBEAT, STALE);
    }

    /** The same with a given heartbeat and staleness (for tests). */
    static UnitLock acquire(Path file, String unit, Consumer<String> messages, Duration every, Duration stale) {
        String line = holderLine();
        String waitingFor = null;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            while (true) {
                if (tryCreate(file, line)) {
                    return new UnitLock(file, line, every);
                }
                Optional<String> holder = read(file);
                if (holder.isEmpty() && !Files.exists(file)) {
                    continue; // released between our try and our read
                }
                String gone = goneWhy(file, holder, stale);
                if (gone != null) {
                    if (takeOver(file, holder)) {
                        messages.accept("Taking over " + unit + ": " + gone + ".");
                    }
                    continue;
                }
                if (!holder.get().equals(waitingFor)) {
                    waitingFor = holder.get();
                    messages.accept("Waiting for " + unit + ", which " + describe(waitingFor) + " is computing (" + file
                            + ").");
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot take the lock " + file + " on " + unit + " (" + e.getMessage()
                            + "): is its folder writable and shared by every process that uses it?",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + unit, e);
        }
    }

    /** Stops the heartbeat and removes the lock, if it is still this process's. */
    @Override
    public void close() {
        heartbeat.shutdownNow();
        try {
            if (read(file).filter(line::equals).isPresent()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the lock " + file + ": delete it by hand", e);
        }
    }

    /** "host x, process 123, since 2026-12-06T07:00:00Z" of this process. */
    static String holderLine() {
        return "host " + host() + ", process " + ProcessHandle.current().pid() + ", since " + Instant.now();
    }

    private static boolean tryCreate(Path file, String line) throws IOException {
        Path own = file.resolveSibling(file.getFileName() + "." + host() + "."
                + ProcessHandle.current().pid());
        Files.writeString(own, line + "\n", StandardCharsets.UTF_8);
        try {
            Files.createLink(file, own);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } finally {
            Files.deleteIfExists(own);
        }
    }

    /** Why the lock's holder is taken to be gone, or null when it may still be working. */
    private static String goneWhy(Path file, Optional<String> holder, Duration stale) throws IOException {
        Duration untouched;
        try {
            untouched = Duration.between(Files.getLastModifiedTime(file).toInstant(), Instant.now());
        } catch (NoSuchFileException e) {
            return null;
        }
        if (holder.isEmpty() || !holder.get().startsWith("host ")) {
            return untouched.compareTo(stale) > 0
                    ? "its lock " + file + " is unreadable and " + untouched.toSeconds() + " s old"
                    : null;
        }
        String line = holder.get();
        if (line.startsWith("host " + host() + ", process ")) {
            long pid = pid(line);
            if (pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                return null;
            }
            return "the process that held it (" + line + ") has ended";
        }
        return untouched.compareTo(stale) > 0
                ? "its holder (" + line + ") has not touched the lock for " + untouched.toSeconds() + " s"
                : null;
    }

    /** Moves a gone holder's lock aside; false when another process took it over first. */
    private static boolean takeOver(Path file, Optional<String> judged) throws IOException {
        Path aside = file.resolveSibling(
                file.getFileName() + ".gone." + ProcessHandle.current().pid());
        try {
            Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            return false;
        }
        if (!read(aside).equals(judged)) {
            // another process took the lock over and holds it anew: put its lock back
            try {
                Files.createLink(file, aside);
            } catch (FileAlreadyExistsException ignored) {
                // yet another holder since: theirs stands
            }
            Files.deleteIfExists(aside);
            return false;
        }
        Files.deleteIfExists(aside);
        return true;
    }

    private void touch() {
        try {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
        } catch (IOException e) {
            // the next beat tries again; a lock untouched for STALE is taken over, which the holder's close sees
        }
    }

    private static Optional<String> read(Path file) throws IOException {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (java.nio.charset.MalformedInputException e) {
            return Optional.of("");
        }
    }

    private static long pid(String line) {
        try {
            String rest = line.substring(line.indexOf(", process ") + ", process ".length());
            return Long.parseLong(rest.substring(0, rest.indexOf(',')));
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static String describe(String line) {
        return line.isEmpty() ? "a process whose lock is unreadable" : line.replaceFirst("^host ", "the process on ");
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }
}
