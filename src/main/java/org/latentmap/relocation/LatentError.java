package org.latentmap.relocation;

import org.latentmap.linalg.CodeMatrix;

/** The latent error of paper Sect. 6 (L-MSE): the mean squared error between mapped codes and target codes, per code. */
public final class LatentError {
    private LatentError() {}

    /** Row i: the mean over its entries of (mapped[i] - target[i])^2. */
    public static double[] perCode(CodeMatrix mapped, CodeMatrix target) {
        if (mapped.size() != target.size()) {
            throw new IllegalArgumentException(mapped.size() + " mapped codes for " + target.size() + " target codes");
        }
        double[] errors = new double[mapped.size()];
        for (int i = 0; i < errors.length; i++) {
            errors[i] = mapped.squaredError(i, target, i);
        }
        return errors;
    }
}
