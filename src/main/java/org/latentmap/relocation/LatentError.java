package org.latentmap.relocation;

import org.latentmap.linalg.SquaredError;

/** The latent error of paper Sect. 6 (L-MSE): the mean squared error between mapped codes and target codes, per code. */
public final class LatentError {
    private LatentError() {}

    /** Row i: the mean over its entries of (mapped[i] - target[i])^2. */
    public static double[] perCode(float[][] mapped, float[][] target) {
        if (mapped.length != target.length) {
            throw new IllegalArgumentException(mapped.length + " mapped codes for " + target.length + " target codes");
        }
        double[] errors = new double[mapped.length];
        for (int i = 0; i < mapped.length; i++) {
            errors[i] = SquaredError.mean(mapped[i], target[i]);
        }
        return errors;
    }
}
