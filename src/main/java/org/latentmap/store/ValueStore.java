package org.latentmap.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Numbers computed once and kept on disk, each file under a key that names everything they depend on: read when
 * a file holds them under the same key, else computed, stored ({@link StoredFile}) and, when asked, announced in one
 * line. A file made under another key (another model, other images, another {@link Rule}) or damaged (truncated,
 * wrong checksum) is computed again with one line saying why. What a key holds and where a file lies are the
 * caller's: the zoo keys numbers by a model's checkpoint ({@code ZooStore}); this class knows files, keys and bytes.
 */
public final class ValueStore {
    private static final ValueStore STANDARD = new ValueStore(System.out::println);

    private final Consumer<String> messages;

    private ValueStore(Consumer<String> messages) {
        this.messages = messages;
    }

    /** The store that tells on standard output what it computes and why. */
    public static ValueStore standard() {
        return STANDARD;
    }

    /** A store whose one-line messages go to {@code messages} instead. */
    public static ValueStore reporting(Consumer<String> messages) {
        return new ValueStore(messages);
    }

    /** Where {@code rule}'s numbers with the identifier {@code id} lie in {@code folder}. */
    public static Path file(Path folder, Rule rule, String id) {
        return folder.resolve(rule.fileStem() + "-" + id + ".bin");
    }

    /**
     * The bytes (little-endian) {@code file} holds under {@code key}, or {@code computation}'s, stored there.
     * {@code bytes} is their exact length, or -1 for any whole count of 8-byte values; {@code owner} names whose
     * numbers they are in the messages; {@code announcement}, unless null, is said with the time taken when they
     * were computed.
     */
    public ByteBuffer bytes(
            Path file,
            String key,
            String owner,
            Rule rule,
            long bytes,
            String announcement,
            Supplier<ByteBuffer> computation) {
        if (bytes > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException(
                    bytes + " bytes of " + rule.what() + " are more than one stored file holds");
        }
        ByteBuffer stored = stored(file, key, owner, rule, bytes, true);
        if (stored != null) {
            return stored;
        }
        // one process computes them; another asking meanwhile waits and reads them (UnitLock)
        try (UnitLock lock = UnitLock.acquire(
                file.resolveSibling(file.getFileName() + ".lock"), "the " + rule.what() + " of " + owner, messages)) {
            stored = stored(file, key, owner, rule, bytes, false);
            if (stored != null) {
                return stored;
            }
            long started = System.nanoTime();
            ByteBuffer values = computation.get().order(ByteOrder.LITTLE_ENDIAN);
            if (bytes >= 0 ? values.remaining() != bytes : values.remaining() % 8 != 0) {
                throw new IllegalStateException(values.remaining() + " bytes of " + rule.what() + " computed where "
                        + bytes + " were expected");
            }
            try {
                StoredFile.write(file, key, values.duplicate());
            } catch (IOException e) {
                messages.accept("Could not store the " + rule.what() + " of " + owner + " in " + file + " ("
                        + e.getMessage() + "): they will be computed again next time.");
            }
            if (announcement != null) {
                messages.accept(String.format(
                        Locale.ROOT,
                        "%s computed in %.1f s and stored for next time",
                        announcement,
                        (System.nanoTime() - started) / 1e9));
            }
            return values;
        }
    }

    /** What {@code file} holds under {@code key}, or null (saying why when {@code tell} and it holds something else). */
    private ByteBuffer stored(Path file, String key, String owner, Rule rule, long bytes, boolean tell) {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            ByteBuffer values = StoredFile.read(file, key, (int) bytes);
            if (values == null && tell) {
                messages.accept("The stored " + rule.what() + " of " + owner + " in " + file
                        + " were made by another version of the model, the images or latentmap: computing them again.");
            }
            return values;
        } catch (IOException | RuntimeException e) {
            if (tell) {
                messages.accept("The stored " + rule.what() + " of " + owner + " in " + file + " are damaged ("
                        + e.getMessage() + "): computing them again.");
            }
            return null;
        }
    }

    /** Doubles as little-endian bytes, for {@link #bytes}. */
    public static ByteBuffer of(double[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asDoubleBuffer().put(values);
        return bytes;
    }

    /** Floats as little-endian bytes, for {@link #bytes}. */
    public static ByteBuffer of(float[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        return bytes;
    }

    /** The doubles that little-endian {@code bytes} hold. */
    public static double[] doubles(ByteBuffer bytes) {
        DoubleBuffer stored = bytes.order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer();
        double[] values = new double[stored.remaining()];
        stored.get(values);
        return values;
    }

    /** The floats that little-endian {@code bytes} hold. */
    public static float[] floats(ByteBuffer bytes) {
        FloatBuffer stored = bytes.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        float[] values = new float[stored.remaining()];
        stored.get(values);
        return values;
    }
}
