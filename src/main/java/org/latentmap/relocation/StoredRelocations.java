package org.latentmap.relocation;

import org.latentmap.data.ImageSet;
import org.latentmap.features.CodeStore;
import org.latentmap.model.TrainedModel;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * What a relocation between two zoo models computes, kept in the {@link CodeStore} so that a later run, or
 * another notebook asking for the same relocation, reads it: the fitted map (keyed by both checkpoints, the
 * training images, the fit points and the fit's {@link CodeMapFit#recipe()}) and the per-image errors of
 * decoding mapped codes (keyed by the target's checkpoint, the test images and the mapped codes' own
 * SHA-256, so any map that gives the same codes shares them). Fits without a recipe and models without a
 * checkpoint are computed every time.
 */
final class StoredRelocations {
    private static final String MAP = "map v1";
    private static final String DECODING = "decoding-error v1";
    private static final int LINEAR = 1;
    private static final int RESIDUAL = 2;

    private StoredRelocations() {
    }

    /** The map {@code fit} gives from {@code source}'s codes of {@code points} to {@code target}'s: read, or fitted and stored. */
    static CodeMap map(TrainedModel source, TrainedModel target, ImageSet train, FitPoints points, CodeMapFit fit,
                       Supplier<CodeMap> fitting) {
        String recipe = fit.recipe();
        String targetHash = CodeStore.checkpointHash(target);
        if (recipe == null || targetHash == null || source.checkpoint() == null) {
            return fitting.get();
        }
        String inputs = "to " + targetHash + "; codes " + CodeStore.CODES + "; points "
                + (points.isAll() ? "all" : CodeStore.sha256(points.indices())) + "; fit " + recipe;
        CodeMap[] fitted = new CodeMap[1];
        double[] values = CodeStore.standard().values(source, train, MAP, inputs, () -> {
            fitted[0] = fitting.get();
            return toValues(fitted[0]);
        });
        return fitted[0] != null ? fitted[0] : fromValues(values);
    }

    /** The error of each of {@code images} against the target's decoding of its mapped code: read, or decoded and stored. */
    static double[] decodingErrors(TrainedModel target, float[][] mapped, ImageSet images) {
        return CodeStore.standard().values(target, images, DECODING, "codes " + CodeStore.sha256(mapped),
                () -> Decoding.errors(target.model(), mapped, images));
    }

    /** A map as numbers: its kind, its fit's name, then its own numbers. */
    static double[] toValues(CodeMap map) {
        double[] own;
        int kind;
        if (map instanceof LinearMap linear) {
            own = linearValues(linear);
            kind = LINEAR;
        } else if (map instanceof ResidualMlpMap residual) {
            own = residual.toValues();
            kind = RESIDUAL;
        } else {
            throw new IllegalArgumentException("a map of kind " + map.getClass().getName() + " cannot be stored; give its fit no recipe");
        }
        byte[] name = map.fit().getBytes(StandardCharsets.UTF_8);
        double[] values = new double[2 + name.length + own.length];
        values[0] = kind;
        values[1] = name.length;
        for (int i = 0; i < name.length; i++) {
            values[2 + i] = name[i];
        }
        System.arraycopy(own, 0, values, 2 + name.length, own.length);
        return values;
    }

    /** The map {@link #toValues} gave. */
    static CodeMap fromValues(double[] values) {
        int kind = (int) values[0];
        byte[] name = new byte[(int) values[1]];
        for (int i = 0; i < name.length; i++) {
            name[i] = (byte) values[2 + i];
        }
        String fit = new String(name, StandardCharsets.UTF_8);
        double[] own = java.util.Arrays.copyOfRange(values, 2 + name.length, values.length);
        return switch (kind) {
            case LINEAR -> {
                if (linearLength(own, 0) != own.length) {
                    throw new IllegalArgumentException("a stored linear map of " + own.length + " numbers where its sizes make " + linearLength(own, 0));
                }
                yield linearFromValues(own, 0, fit);
            }
            case RESIDUAL -> ResidualMlpMap.fromValues(own, fit);
            default -> throw new IllegalArgumentException("a stored map of unknown kind " + kind);
        };
    }

    /** p, q, whether it has a bias, the weights row by row, the bias. */
    static double[] linearValues(LinearMap map) {
        int p = map.sourceSize();
        int q = map.targetSize();
        double[] values = new double[3 + p * q + (map.hasBias() ? q : 0)];
        values[0] = p;
        values[1] = q;
        values[2] = map.hasBias() ? 1 : 0;
        double[][] weights = map.weights();
        for (int k = 0; k < p; k++) {
            System.arraycopy(weights[k], 0, values, 3 + k * q, q);
        }
        if (map.hasBias()) {
            System.arraycopy(map.bias(), 0, values, 3 + p * q, q);
        }
        return values;
    }

    static int linearLength(double[] values, int at) {
        int p = (int) values[at];
        int q = (int) values[at + 1];
        return 3 + p * q + (values[at + 2] != 0 ? q : 0);
    }

    static LinearMap linearFromValues(double[] values, int at, String fit) {
        int p = (int) values[at];
        int q = (int) values[at + 1];
        boolean bias = values[at + 2] != 0;
        double[][] weights = new double[p][];
        for (int k = 0; k < p; k++) {
            weights[k] = java.util.Arrays.copyOfRange(values, at + 3 + k * q, at + 3 + (k + 1) * q);
        }
        double[] b = bias ? java.util.Arrays.copyOfRange(values, at + 3 + p * q, at + 3 + p * q + q) : null;
        return new LinearMap(weights, b, fit);
    }
}
