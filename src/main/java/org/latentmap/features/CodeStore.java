package org.latentmap.features;

import org.latentmap.data.ImageSet;
import org.latentmap.metrics.ReconstructionError;
import org.latentmap.model.TrainedModel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.zip.CRC32;

/**
 * Codes of images under a trained model, and the per-image reconstruction errors, computed once and kept on
 * disk beside the model's checkpoint, so that every notebook and every later run reads them instead of
 * encoding the 60,000 training images again. A stored file is keyed by what its numbers depend on: the
 * checkpoint's content (SHA-256), the images (their {@link ImageSet#fingerprint()}) and the rule that made
 * the numbers (its name and version). A file made under another key (a retrained model), or damaged
 * (truncated, wrong checksum), is computed again with one line saying why; files are written to a temporary
 * name and renamed, so a killed run leaves no half file. A model without a checkpoint is computed every
 * time and nothing is stored.
 */
public final class CodeStore {
    /** The codes: {@code model.encode}, the posterior mean for the VAEs, the re-coder for a GAN. */
    public static final String CODES = "encode v1";
    /** The per-image mean squared error of decode(encode(x)) (R-MSE's terms). */
    public static final String RECONSTRUCTION = "reconstruction-mse v1";
    private static final int MAGIC = 0x4c4d4353; // "LMCS"
    private static final int VERSION = 1;
    private static final CodeStore STANDARD = new CodeStore(System.out::println);

    /** Checkpoint contents hashed in this process, by file, size and modification time. */
    private static final Map<String, String> CHECKPOINT_HASHES = new ConcurrentHashMap<>();

    private final Consumer<String> messages;

    private CodeStore(Consumer<String> messages) {
        this.messages = messages;
    }

    /** The store beside each model's checkpoint, telling on standard output what it computes and why. */
    public static CodeStore standard() {
        return STANDARD;
    }

    /** The same store, its one-line messages sent to {@code messages} instead. */
    public static CodeStore reporting(Consumer<String> messages) {
        return new CodeStore(messages);
    }

    /** The codes of {@code images} under {@code model}, one row per image: read if stored, else computed and stored. */
    public float[][] codes(TrainedModel model, ImageSet images) {
        int latent = model.model().latentSize();
        float[] flat = load(model, images, CODES, latent, () -> flatten(Codes.of(model.model(), images), latent));
        float[][] rows = new float[images.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = Arrays.copyOfRange(flat, i * latent, (i + 1) * latent);
        }
        return rows;
    }

    /** The reconstruction error of every image of {@code images} under {@code model}: read if stored, else computed and stored. */
    public double[] reconstructionErrors(TrainedModel model, ImageSet images) {
        float[] stored = load(model, images, RECONSTRUCTION, 1, () -> {
            double[] errors = ReconstructionError.perImage(model.model(), images);
            float[] values = new float[errors.length];
            for (int i = 0; i < errors.length; i++) {
                values[i] = (float) errors[i];
            }
            return values;
        });
        double[] errors = new double[stored.length];
        for (int i = 0; i < errors.length; i++) {
            errors[i] = stored[i];
        }
        return errors;
    }

    /** Where the numbers of {@code rule} for {@code images} under {@code model} are stored (null: the model has no checkpoint). */
    public Path file(TrainedModel model, ImageSet images, String rule) {
        if (model.checkpoint() == null) {
            return null;
        }
        Path checkpoint = model.checkpoint().toAbsolutePath();
        String name = checkpoint.getFileName().toString().replaceFirst("\\.ckpt$", "");
        return checkpoint.resolveSibling("stored").resolve(name)
                .resolve(rule.replaceAll("[^A-Za-z0-9.-]+", "-") + "-" + images.fingerprint().substring(0, 16) + ".bin");
    }

    private float[] load(TrainedModel model, ImageSet images, String rule, int width, Supplier<float[]> computation) {
        Path file = file(model, images, rule);
        if (file == null) {
            return computation.get();
        }
        String key = "model " + checkpointHash(model.checkpoint()) + "; images " + images.fingerprint() + "; " + rule;
        int count = images.size() * width;
        if (Files.exists(file)) {
            try {
                float[] values = read(file, key, count);
                if (values != null) {
                    return values;
                }
                messages.accept("The stored " + what(rule) + " of " + model.name() + " in " + file
                        + " were made by another version of the model or images: computing them again.");
            } catch (IOException | RuntimeException e) {
                messages.accept("The stored " + what(rule) + " of " + model.name() + " in " + file + " are damaged ("
                        + e.getMessage() + "): computing them again.");
            }
        }
        long started = System.nanoTime();
        float[] values = computation.get();
        if (values.length != count) {
            throw new IllegalStateException(values.length + " values computed where " + count + " were expected");
        }
        try {
            write(file, key, values);
        } catch (IOException e) {
            messages.accept("Could not store the " + what(rule) + " of " + model.name() + " in " + file + " (" + e.getMessage()
                    + "): they will be computed again next time.");
        }
        messages.accept(String.format(Locale.ROOT, "%s: %s of %,d images computed in %.1f s and stored for next time",
                model.name(), what(rule), images.size(), (System.nanoTime() - started) / 1e9));
        return values;
    }

    private static String what(String rule) {
        return rule.equals(CODES) ? "codes" : rule.equals(RECONSTRUCTION) ? "reconstruction errors" : rule;
    }

    /** The values, or null when the file was made under another key; throws when it is damaged. */
    private static float[] read(Path file, String key, int count) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = channel.size();
            ByteBuffer head = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, head, "its header");
            if (head.getInt() != MAGIC || head.getInt() != VERSION) {
                throw new IOException("not a latentmap code file of version " + VERSION);
            }
            int keyLength = head.getInt();
            if (keyLength < 0 || keyLength > 4096) {
                throw new IOException("a key of " + keyLength + " bytes");
            }
            ByteBuffer keyBytes = ByteBuffer.allocate(keyLength);
            readFully(channel, keyBytes, "its key");
            if (!new String(keyBytes.array(), StandardCharsets.UTF_8).equals(key)) {
                return null;
            }
            ByteBuffer sizes = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, sizes, "its size");
            int stored = sizes.getInt();
            long expected = 12L + keyLength + 4 + 4L * stored + 8;
            if (stored != count || length != expected) {
                throw new IOException("it holds " + length + " bytes for " + stored + " values, where " + count
                        + " values take " + (12L + keyLength + 4 + 4L * count + 8));
            }
            ByteBuffer data = ByteBuffer.allocate(4 * count + 8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, data, "its values");
            CRC32 crc = new CRC32();
            crc.update(data.array(), 0, 4 * count);
            if (data.getLong(4 * count) != crc.getValue()) {
                throw new IOException("its checksum does not match its values");
            }
            float[] values = new float[count];
            data.asFloatBuffer().get(values);
            return values;
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, String what) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new IOException("it ends inside " + what);
            }
        }
        buffer.flip();
    }

    private static void write(Path file, String key, float[] values) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.allocate(12 + keyBytes.length + 4 + 4 * values.length + 8).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(MAGIC).putInt(VERSION).putInt(keyBytes.length).put(keyBytes).putInt(values.length);
        int dataStart = buffer.position();
        buffer.asFloatBuffer().put(values);
        buffer.position(dataStart + 4 * values.length);
        CRC32 crc = new CRC32();
        crc.update(buffer.array(), dataStart, 4 * values.length);
        buffer.putLong(crc.getValue());
        buffer.flip();
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".part");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** SHA-256 of a checkpoint's bytes, hashed once per process while its size and modification time stay. */
    static String checkpointHash(Path checkpoint) {
        try {
            FileTime modified = Files.getLastModifiedTime(checkpoint);
            String id = checkpoint.toAbsolutePath() + "|" + Files.size(checkpoint) + "|" + modified.toMillis();
            String known = CHECKPOINT_HASHES.get(id);
            if (known != null) {
                return known;
            }
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (var in = Files.newInputStream(checkpoint)) {
                byte[] chunk = new byte[1 << 20];
                for (int read; (read = in.read(chunk)) > 0; ) {
                    digest.update(chunk, 0, read);
                }
            }
            String hash = HexFormat.of().formatHex(digest.digest());
            CHECKPOINT_HASHES.put(id, hash);
            return hash;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint " + checkpoint + " to key its stored codes: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }

    private static float[] flatten(float[][] rows, int width) {
        float[] flat = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * width, width);
        }
        return flat;
    }
}
