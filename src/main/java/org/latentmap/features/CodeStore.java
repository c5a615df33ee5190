package org.latentmap.features;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import org.latentmap.AtomicFile;
import org.latentmap.data.ImageSet;
import org.latentmap.train.Checkpoint;
import org.latentmap.train.ReconstructionError;
import org.latentmap.zoo.TrainedModel;

/**
 * Codes of images under a trained model, the per-image reconstruction errors and other numbers computed from
 * a model and images (the reconstruction gain), computed once and kept on
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
    /** A reconstruction gain: every variable's gain, then the intact error ({@link ReconstructionGain}). */
    public static final String GAIN = "reconstruction-gain v1";

    private static final int MAGIC = 0x4c4d4353; // "LMCS"
    private static final int VERSION = 1;
    private static final CodeStore STANDARD = new CodeStore(System.out::println);

    /** Checkpoint contents hashed in this process, by file, size and modification time. */
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
        FloatBuffer flat = load(
                        model,
                        images,
                        CODES,
                        4L * images.size() * latent,
                        () -> floats(flatten(Codes.of(model.model(), images), latent)))
                .asFloatBuffer();
        float[][] rows = new float[images.size()][latent];
        for (float[] row : rows) {
            flat.get(row);
        }
        return rows;
    }

    /** The reconstruction error of every image of {@code images} under {@code model}: read if stored, else computed and stored. */
    public double[] reconstructionErrors(TrainedModel model, ImageSet images) {
        // the errors are computed in single precision, so storing them as floats keeps them exactly
        FloatBuffer stored = load(model, images, RECONSTRUCTION, 4L * images.size(), () -> {
                    double[] errors = ReconstructionError.perImage(model.model(), images);
                    float[] values = new float[errors.length];
                    for (int i = 0; i < errors.length; i++) {
                        values[i] = (float) errors[i];
                    }
                    return floats(values);
                })
                .asFloatBuffer();
        double[] errors = new double[images.size()];
        for (int i = 0; i < errors.length; i++) {
            errors[i] = stored.get();
        }
        return errors;
    }

    /**
     * Any {@code count} numbers that {@code rule} computes from {@code model} and {@code images} (such as a
     * {@link ReconstructionGain}): read if stored, else computed and stored, in double precision. The rule's
     * name must change whenever its computation does.
     */
    public double[] values(
            TrainedModel model, ImageSet images, String rule, int count, Supplier<double[]> computation) {
        return toDoubles(load(model, images, rule, 8L * count, () -> {
            double[] values = computation.get();
            if (values.length != count) {
                throw new IllegalStateException(
                        rule + " computed " + values.length + " values where " + count + " were expected");
            }
            return doubles(values);
        }));
    }

    /**
     * Numbers of any count that {@code rule} computes from {@code model}, {@code images} and further inputs,
     * such as a relocation map fitted from this model's codes to another's: read if stored, else computed and
     * stored quietly (these come by the hundred; a progress line tells about them). {@code inputs} names
     * everything else the numbers depend on (other models' checkpoint hashes, settings, content hashes);
     * one file is kept per distinct {@code inputs}. The rule's name must change whenever its computation does.
     */
    public double[] values(
            TrainedModel model, ImageSet images, String rule, String inputs, Supplier<double[]> computation) {
        if (inputs == null || inputs.isEmpty()) {
            throw new IllegalArgumentException(
                    "the inputs of " + rule + " are not described: give what its numbers depend on");
        }
        return toDoubles(load(model, images, rule, inputs, -1, false, () -> doubles(computation.get())));
    }

    /**
     * The same for numbers that depend on no images, only on {@code model} and {@code inputs} (such as maps
     * fitted on a generator's own samples).
     */
    public double[] values(TrainedModel model, String rule, String inputs, Supplier<double[]> computation) {
        return values(model, null, rule, inputs, computation);
    }

    /** Where the numbers of {@code rule} for {@code images} under {@code model} are stored (null: the model has no checkpoint). */
    public Path file(TrainedModel model, ImageSet images, String rule) {
        return file(model, images, rule, null);
    }

    /** Where the numbers of {@code rule} for {@code images}, {@code inputs} (null: none) and {@code model} are stored (null: no checkpoint). */
    public Path file(TrainedModel model, ImageSet images, String rule, String inputs) {
        if (model.checkpoint() == null) {
            return null;
        }
        Path checkpoint = model.checkpoint().toAbsolutePath();
        String name = checkpoint.getFileName().toString().replaceFirst("\\.ckpt$", "");
        String id = inputs == null
                ? images.fingerprint().substring(0, 16)
                : sha256(fingerprint(images) + "|" + inputs).substring(0, 24);
        return checkpoint
                .resolveSibling("stored")
                .resolve(name)
                .resolve(rule.replaceAll("[^A-Za-z0-9.-]+", "-") + "-" + id + ".bin");
    }

    /** The stored bytes (little-endian) of {@code rule} for the model and images: read, or computed and stored. */
    private ByteBuffer load(
            TrainedModel model, ImageSet images, String rule, long bytes, Supplier<ByteBuffer> computation) {
        return load(model, images, rule, null, bytes, true, computation);
    }

    /**
     * The same for numbers that also depend on {@code inputs} (null: nothing more); {@code bytes} -1 takes any
     * count of 8-byte values; {@code announce} says on the messages when they were computed and stored.
     */
    private ByteBuffer load(
            TrainedModel model,
            ImageSet images,
            String rule,
            String inputs,
            long bytes,
            boolean announce,
            Supplier<ByteBuffer> computation) {
        Path file = file(model, images, rule, inputs);
        if (file == null) {
            return computation.get().order(ByteOrder.LITTLE_ENDIAN);
        }
        String key = "model " + checkpointHash(model.checkpoint()) + "; images " + fingerprint(images) + "; " + rule
                + (inputs == null ? "" : "; " + inputs);
        String announcement = announce
                ? model.name() + ": " + what(rule) + " of " + String.format(Locale.ROOT, "%,d", images.size())
                        + " images"
                : null;
        return load(file, key, model.name(), rule, bytes, announcement, computation);
    }

    /** The stored bytes in {@code file} under {@code key}, or computed and stored (announced unless null). */
    private ByteBuffer load(
            Path file,
            String key,
            String owner,
            String rule,
            long bytes,
            String announcement,
            Supplier<ByteBuffer> computation) {
        if (bytes > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException(
                    bytes + " bytes of " + what(rule) + " are more than one stored file holds");
        }
        if (Files.exists(file)) {
            try {
                ByteBuffer values = read(file, key, (int) bytes);
                if (values != null) {
                    return values;
                }
                messages.accept("The stored " + what(rule) + " of " + owner + " in " + file
                        + " were made by another version of the model, the images or latentmap: computing them again.");
            } catch (IOException | RuntimeException e) {
                messages.accept("The stored " + what(rule) + " of " + owner + " in " + file + " are damaged ("
                        + e.getMessage() + "): computing them again.");
            }
        }
        long started = System.nanoTime();
        ByteBuffer values = computation.get().order(ByteOrder.LITTLE_ENDIAN);
        if (bytes >= 0 ? values.remaining() != bytes : values.remaining() % 8 != 0) {
            throw new IllegalStateException(
                    values.remaining() + " bytes of " + what(rule) + " computed where " + bytes + " were expected");
        }
        try {
            write(file, key, values.duplicate());
        } catch (IOException e) {
            messages.accept("Could not store the " + what(rule) + " of " + owner + " in " + file + " (" + e.getMessage()
                    + "): they will be computed again next time.");
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

    /**
     * Numbers computed from images alone, with no model (such as the baselines every error is read against),
     * stored in {@code folder} under a name made from {@code rule} and a hash of the images and {@code inputs}:
     * read if stored, else computed, stored and announced.
     */
    public double[] values(Path folder, ImageSet images, String rule, String inputs, Supplier<double[]> computation) {
        String id = sha256(images.fingerprint() + "|" + inputs).substring(0, 24);
        Path file = folder.resolve(rule.replaceAll("[^A-Za-z0-9.-]+", "-") + "-" + id + ".bin");
        String key = "images " + images.fingerprint() + "; " + rule + "; " + inputs;
        String announcement = what(rule) + " of " + String.format(Locale.ROOT, "%,d", images.size()) + " images";
        return toDoubles(load(file, key, "these images", rule, -1, announcement, () -> doubles(computation.get())));
    }

    private static String fingerprint(ImageSet images) {
        return images == null ? "none" : images.fingerprint();
    }

    private static String what(String rule) {
        return rule.equals(CODES)
                ? "codes"
                : rule.equals(RECONSTRUCTION) ? "reconstruction errors" : rule.replaceFirst(" v\\d+$", "");
    }

    /** The stored bytes, or null when the file was made under another key; throws when it is damaged. */
    private static ByteBuffer read(Path file, String key, int bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = channel.size();
            ByteBuffer head = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, head, "its header");
            if (head.getInt() != MAGIC) {
                throw new IOException("not a latentmap stored-values file");
            }
            if (head.getInt() != VERSION) {
                return null; // written by another version of this class: stale, not damaged
            }
            int keyLength = head.getInt();
            if (keyLength < 0 || keyLength > 65536) {
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
            long expected = 12L + keyLength + 4 + (long) stored + 8;
            if ((bytes >= 0 ? stored != bytes : stored < 0 || stored % 8 != 0) || length != expected) {
                throw new IOException(
                        "it is " + length + " bytes long and says it holds " + stored + " bytes of values, where "
                                + bytes + " bytes of values make a file of " + (12L + keyLength + 4 + bytes + 8));
            }
            ByteBuffer data = ByteBuffer.allocate(stored + 8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, data, "its values");
            CRC32 crc = new CRC32();
            crc.update(data.array(), 0, stored);
            if (data.getLong(stored) != crc.getValue()) {
                throw new IOException("its checksum does not match its values");
            }
            return data.limit(stored).slice().order(ByteOrder.LITTLE_ENDIAN);
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

    private static void write(Path file, String key, ByteBuffer values) throws IOException {
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        int bytes = values.remaining();
        ByteBuffer buffer =
                ByteBuffer.allocate(12 + keyBytes.length + 4 + bytes + 8).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(MAGIC)
                .putInt(VERSION)
                .putInt(keyBytes.length)
                .put(keyBytes)
                .putInt(bytes);
        int dataStart = buffer.position();
        buffer.put(values);
        CRC32 crc = new CRC32();
        crc.update(buffer.array(), dataStart, bytes);
        buffer.putLong(crc.getValue());
        buffer.flip();
        AtomicFile.write(file, channel -> {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        });
    }

    /** SHA-256 of a checkpoint's bytes ({@link Checkpoint#sha256}). */
    static String checkpointHash(Path checkpoint) {
        return Checkpoint.sha256(checkpoint);
    }

    /** SHA-256 of a text, in hex: names stored files after everything their numbers depend on. */
    public static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }

    /** SHA-256 of codes' values and shape, in hex: keys numbers computed from codes made in this run. */
    public static String sha256(float[][] codes) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            ByteBuffer row = ByteBuffer.allocate(4 * (codes.length == 0 ? 0 : codes[0].length) + 8)
                    .order(ByteOrder.LITTLE_ENDIAN);
            digest.update(ByteBuffer.allocate(4)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .putInt(codes.length)
                    .array());
            for (float[] code : codes) {
                if (row.capacity() < 4 * code.length + 4) {
                    row = ByteBuffer.allocate(4 * code.length + 4).order(ByteOrder.LITTLE_ENDIAN);
                }
                row.clear();
                row.putInt(code.length);
                row.asFloatBuffer().put(code);
                digest.update(row.array(), 0, 4 + 4 * code.length);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }

    /** SHA-256 of indices, in hex: keys numbers computed from a chosen subset of images. */
    public static String sha256(int[] indices) {
        ByteBuffer bytes = ByteBuffer.allocate(4 * indices.length + 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putInt(indices.length);
        bytes.asIntBuffer().put(indices);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }

    /** The SHA-256 of a zoo model's checkpoint (null: the model has none), the key of everything stored from it. */
    public static String checkpointHash(TrainedModel model) {
        return model.checkpoint() == null ? null : checkpointHash(model.checkpoint());
    }

    private static ByteBuffer doubles(double[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asDoubleBuffer().put(values);
        return bytes;
    }

    private static double[] toDoubles(ByteBuffer bytes) {
        DoubleBuffer stored = bytes.asDoubleBuffer();
        double[] values = new double[stored.remaining()];
        stored.get(values);
        return values;
    }

    private static ByteBuffer floats(float[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        return bytes;
    }

    private static float[] flatten(float[][] rows, int width) {
        float[] flat = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * width, width);
        }
        return flat;
    }
}
