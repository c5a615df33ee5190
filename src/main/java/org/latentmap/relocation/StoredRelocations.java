package org.latentmap.relocation;

import java.util.function.Supplier;
import org.latentmap.data.ImageSet;
import org.latentmap.features.Codes;
import org.latentmap.linalg.CodeMatrix;
import org.latentmap.store.Hashes;
import org.latentmap.store.PackedValues;
import org.latentmap.store.Rule;
import org.latentmap.zoo.TrainedModel;
import org.latentmap.zoo.ZooStore;

/**
 * What a relocation between two zoo models computes, kept in the {@link ZooStore} so that a later run, or
 * another notebook asking for the same relocation, reads it: the fitted map (keyed by both checkpoints, the
 * training images, the fit points and the fit's {@link CodeMapFit#recipe()}) and the per-image errors of
 * decoding mapped codes (keyed by the target's checkpoint, the test images and the mapped codes' own
 * SHA-256, so any map that gives the same codes shares them). Fits without a recipe and models without a
 * checkpoint are computed every time.
 */
final class StoredRelocations {
    private static final Rule MAP = Rule.named("map v3");
    private static final Rule DECODING = Rule.named("decoding-error v1");

    private StoredRelocations() {}

    /**
     * Whether a map between codes of these sizes is stored: not when it has more weights than a fitted map forms
     * ({@link LinearMap#FORMED_UP_TO}). Two pixel-sized codes of colour images make 3,072 x 3,072 maps, 75 MB each,
     * 600 MB written in one smoke run of notebook 08b on a folder of images; their factors are fitted again in a
     * fraction of a second.
     */
    static boolean kept(int sourceVariables, int targetVariables) {
        return (long) sourceVariables * targetVariables <= LinearMap.FORMED_UP_TO;
    }

    /** The map {@code fit} gives from {@code source}'s codes of {@code points} to {@code target}'s: read, or fitted and stored. */
    static CodeMap map(
            TrainedModel source,
            TrainedModel target,
            ImageSet train,
            FitPoints points,
            CodeMapFit fit,
            Supplier<CodeMap> fitting) {
        String recipe = fit.recipe();
        String targetHash = ZooStore.checkpointHash(target);
        if (recipe == null
                || targetHash == null
                || source.checkpoint() == null
                || !kept(source.model().latentSize(), target.model().latentSize())) {
            return fitting.get();
        }
        String inputs = "to " + targetHash + "; codes " + Codes.RULE + "; points "
                + (points.isAll() ? "all" : Hashes.sha256(points.indices())) + "; fit " + recipe;
        CodeMap[] fitted = new CodeMap[1];
        PackedValues.Reader stored = ZooStore.standard().packed(source, train, MAP, inputs, () -> {
            fitted[0] = fitting.get();
            return toPacked(fitted[0]);
        });
        return fitted[0] != null ? fitted[0] : fromPacked(stored, fit);
    }

    /** The error of each of {@code images} against the target's decoding of its mapped code: read, or decoded and stored. */
    static double[] decodingErrors(TrainedModel target, CodeMatrix mapped, ImageSet images) {
        return ZooStore.standard()
                .values(
                        target,
                        images,
                        DECODING,
                        "codes " + Hashes.sha256(mapped),
                        () -> Decoding.errors(target.model(), mapped, images));
    }

    /** A map as a packed result: its fit's name, then what the map writes ({@link StorableMap#write}). */
    static PackedValues toPacked(CodeMap map) {
        if (!(map instanceof StorableMap storable)) {
            throw new IllegalArgumentException("a map of kind " + map.getClass().getName() + " cannot be stored: make"
                    + " it a StorableMap and give its fit read(...), or give its fit no recipe");
        }
        PackedValues packed = new PackedValues().add(map.fit());
        storable.write(packed);
        return packed;
    }

    /** The map {@link #toPacked} gave, read by the fit that made it ({@link CodeMapFit#read}). */
    static CodeMap fromPacked(PackedValues.Reader packed, CodeMapFit fit) {
        String name = packed.text();
        CodeMap map = fit.read((int) packed.doubles()[0], packed, name);
        packed.end();
        return map;
    }
}
