package org.latentmap.relocation;

import java.util.Set;
import org.ejml.data.DMatrixRMaj;
import org.latentmap.linalg.CodeMatrix;
import org.latentmap.linalg.Standardisation;

/**
 * The {@link PreStep}s of one space, fitted on its fit points: a shift and a scale per variable (none, the mean, or
 * the mean and the standard deviation) and the width after zero padding.
 */
final class SpaceFrame {
    private final double[] mean;
    private final double[] sd;
    private final int variables;
    private final int width;

    private SpaceFrame(double[] mean, double[] sd, int variables, int width) {
        this.mean = mean;
        this.sd = sd;
        this.variables = variables;
        this.width = width;
    }

    /** The steps fitted on {@code codes}, padded to {@code paddedWidth} when the steps pad. */
    static SpaceFrame of(CodeMatrix codes, Set<PreStep> steps, int paddedWidth) {
        boolean scale = steps.contains(PreStep.STANDARD_SCALING);
        boolean centre = scale || steps.contains(PreStep.CENTRING);
        int width = steps.contains(PreStep.ZERO_PADDING) ? Math.max(paddedWidth, codes.width()) : codes.width();
        if (!centre) {
            return new SpaceFrame(null, null, codes.width(), width);
        }
        if (codes.size() < 2) {
            throw new IllegalArgumentException(
                    "centring or scaling a space needs at least 2 pairs of codes; got " + codes.size());
        }
        Standardisation statistics = Standardisation.of(codes);
        return new SpaceFrame(statistics.mean(), scale ? statistics.sd() : null, codes.width(), width);
    }

    /** The codes after the steps: one row per code, {@link #width()} columns, the padded ones 0. */
    DMatrixRMaj prepare(CodeMatrix codes) {
        DMatrixRMaj m = new DMatrixRMaj(codes.size(), width);
        for (int i = 0; i < codes.size(); i++) {
            for (int k = 0; k < variables; k++) {
                m.unsafe_set(i, k, value(codes.get(i, k), k));
            }
        }
        return m;
    }

    private double value(float code, int k) {
        if (mean == null) {
            return code;
        }
        return sd == null ? code - mean[k] : (code - mean[k]) / sd[k];
    }

    /** The variable's shift (0 without centring). */
    double shift(int k) {
        return mean == null ? 0 : mean[k];
    }

    /** The variable's scale (1 without scaling). */
    double scale(int k) {
        return sd == null ? 1 : sd[k];
    }

    /** Whether the frame shifts its variables (then the composed map has a bias). */
    boolean shifts() {
        return mean != null;
    }

    /** The space's own number of variables. */
    int variables() {
        return variables;
    }

    /** The number of columns after padding. */
    int width() {
        return width;
    }
}
