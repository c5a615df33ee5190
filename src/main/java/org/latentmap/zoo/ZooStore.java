package org.latentmap.zoo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.latentmap.data.ImageSet;
import org.latentmap.store.Hashes;
import org.latentmap.store.PackedValues;
import org.latentmap.store.Rule;
import org.latentmap.store.ValueStore;
import org.latentmap.train.Checkpoint;

/**
 * Numbers computed from a zoo model and images (its codes, its reconstruction errors, a map fitted from its codes),
 * computed once and kept beside the model's checkpoint in {@code stored/<model>/}, so that every notebook and every
 * later run reads them instead of encoding the 60,000 training images again; and numbers computed from images
 * alone (baselines), kept in a folder of the zoo. A file's key names what its numbers depend on: the checkpoint's
 * content (SHA-256), the images ({@link ImageSet#fingerprint()}), the {@link Rule} that made them and any further
 * inputs. A model without a checkpoint is computed every time and nothing is stored. The classes that compute the
 * numbers own their rules ({@code Codes}, {@code ReconstructionErrors}, {@code ReconstructionGain} ...).
 */
public final class ZooStore {
    private static final ZooStore STANDARD = new ZooStore(ValueStore.standard());

    private final ValueStore store;

    private ZooStore(ValueStore store) {
        this.store = store;
    }

    /** The store that tells on standard output what it computes and why. */
    public static ZooStore standard() {
        return STANDARD;
    }

    /** The same store, its one-line messages sent to {@code messages} instead. */
    public static ZooStore reporting(Consumer<String> messages) {
        return new ZooStore(ValueStore.reporting(messages));
    }

    /** Where {@code rule}'s numbers for {@code images} under {@code model} are stored (null: no checkpoint). */
    public Path file(TrainedModel model, ImageSet images, Rule rule) {
        return file(model, images, rule, null);
    }

    /** Where {@code rule}'s numbers for {@code images}, {@code inputs} (null: none) and {@code model} are stored (null: no checkpoint). */
    public Path file(TrainedModel model, ImageSet images, Rule rule, String inputs) {
        if (model.checkpoint() == null) {
            return null;
        }
        Path checkpoint = model.checkpoint().toAbsolutePath();
        String name = checkpoint.getFileName().toString().replaceFirst("\\.ckpt$", "");
        String id = inputs == null
                ? images.fingerprint().substring(0, 16)
                : Hashes.sha256(fingerprint(images) + "|" + inputs).substring(0, 24);
        return ValueStore.file(checkpoint.resolveSibling("stored").resolve(name), rule, id);
    }

    /**
     * The {@code bytes} bytes {@code rule} computes from {@code model} and {@code images} and nothing more: read if
     * stored, else computed, stored and announced.
     */
    public ByteBuffer bytes(
            TrainedModel model, ImageSet images, Rule rule, long bytes, Supplier<ByteBuffer> computation) {
        return load(model, images, rule, null, bytes, true, computation);
    }

    /** The same, computed and stored without a line (for numbers every load needs, such as a health check's). */
    ByteBuffer quietBytes(
            TrainedModel model, ImageSet images, Rule rule, long bytes, Supplier<ByteBuffer> computation) {
        return load(model, images, rule, null, bytes, false, computation);
    }

    /** The same for {@code count} doubles (such as a {@code ReconstructionGain}). */
    public double[] values(TrainedModel model, ImageSet images, Rule rule, int count, Supplier<double[]> computation) {
        return ValueStore.doubles(bytes(model, images, rule, 8L * count, () -> {
            double[] values = computation.get();
            if (values.length != count) {
                throw new IllegalStateException(
                        rule + " computed " + values.length + " values where " + count + " were expected");
            }
            return ValueStore.of(values);
        }));
    }

    /**
     * Doubles of any count that {@code rule} computes from {@code model}, {@code images} and further inputs, such as a
     * relocation map fitted from this model's codes to another's: read if stored, else computed and stored quietly
     * (these come by the hundred; a progress line tells about them). {@code inputs} names everything else the numbers
     * depend on (other models' checkpoint hashes, settings, content hashes); one file is kept per distinct
     * {@code inputs}.
     */
    public double[] values(
            TrainedModel model, ImageSet images, Rule rule, String inputs, Supplier<double[]> computation) {
        if (inputs == null || inputs.isEmpty()) {
            throw new IllegalArgumentException(
                    "the inputs of " + rule + " are not described: give what its numbers depend on");
        }
        return ValueStore.doubles(load(model, images, rule, inputs, -1, false, () -> ValueStore.of(computation.get())));
    }

    /**
     * A result of several typed parts ({@link PackedValues}: a fitted map, codes found by an inversion) that
     * {@code rule} computes from {@code model}, {@code images} (null: none) and {@code inputs}, kept as
     * {@link #values(TrainedModel, ImageSet, Rule, String, Supplier)} keeps numbers.
     */
    public PackedValues.Reader packed(
            TrainedModel model, ImageSet images, Rule rule, String inputs, Supplier<PackedValues> computation) {
        if (inputs == null || inputs.isEmpty()) {
            throw new IllegalArgumentException(
                    "the inputs of " + rule + " are not described: give what its numbers depend on");
        }
        return PackedValues.read(load(
                model, images, rule, inputs, -1, false, () -> computation.get().toBytes()));
    }

    /** The same for numbers that depend on no images, only on {@code model} and {@code inputs} (maps fitted on a generator's samples). */
    public double[] values(TrainedModel model, Rule rule, String inputs, Supplier<double[]> computation) {
        return values(model, null, rule, inputs, computation);
    }

    /**
     * Numbers computed from images alone, with no model (such as the baselines every error is read against), kept
     * in {@code folder} under a name made from {@code rule} and a hash of the images and {@code inputs}: read if
     * stored, else computed, stored and announced.
     */
    public double[] values(Path folder, ImageSet images, Rule rule, String inputs, Supplier<double[]> computation) {
        Path file = ValueStore.file(
                folder, rule, Hashes.sha256(images.fingerprint() + "|" + inputs).substring(0, 24));
        String key = "images " + images.fingerprint() + "; " + rule + "; " + inputs;
        String announcement = rule.what() + " of " + String.format(Locale.ROOT, "%,d", images.size()) + " images";
        return ValueStore.doubles(
                store.bytes(file, key, "these images", rule, -1, announcement, () -> ValueStore.of(computation.get())));
    }

    /** The SHA-256 of a zoo model's checkpoint (null: the model has none), the key of everything stored from it. */
    public static String checkpointHash(TrainedModel model) {
        return model.checkpoint() == null ? null : Checkpoint.sha256(model.checkpoint());
    }

    private ByteBuffer load(
            TrainedModel model,
            ImageSet images,
            Rule rule,
            String inputs,
            long bytes,
            boolean announce,
            Supplier<ByteBuffer> computation) {
        Path file = file(model, images, rule, inputs);
        if (file == null) {
            return computation.get().order(ByteOrder.LITTLE_ENDIAN);
        }
        String key = "model " + checkpointHash(model) + "; images " + fingerprint(images) + "; " + rule
                + (inputs == null ? "" : "; " + inputs);
        String announcement = announce
                ? model.name() + ": " + rule.what() + " of " + String.format(Locale.ROOT, "%,d", images.size())
                        + " images"
                : null;
        return store.bytes(file, key, model.name(), rule, bytes, announcement, computation);
    }

    private static String fingerprint(ImageSet images) {
        return images == null ? "none" : images.fingerprint();
    }
}
