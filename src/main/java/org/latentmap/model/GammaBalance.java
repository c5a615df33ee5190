package org.latentmap.model;

/**
 * The balance between reconstruction error and KL divergence the paper's VAEs learn with (Sect. 4.2, after
 * Asperti and Trentin, 2020): the reconstruction term is weighted by 1 / (2 gamma^2), and gamma^2 follows
 * the reconstruction error down as training improves.
 *
 * <p>{@link #vanilla()}: gamma^2 is the running minimum of the batch reconstruction error (mean squared
 * error per pixel). {@link #splitVae()}: a running mean of the batch error, mse = 0.99 mse + 0.01 batch,
 * and gamma = min(gamma, mse).
 */
public final class GammaBalance {
    private final boolean smoothed;
    private double gamma = Double.POSITIVE_INFINITY;
    private double runningMse = Double.NaN;

    private GammaBalance(boolean smoothed) {
        this.smoothed = smoothed;
    }

    /** The vanilla VAE's rule: gamma^2 = min over batches of the batch reconstruction error. */
    public static GammaBalance vanilla() {
        return new GammaBalance(false);
    }

    /** The Split-VAE's rule: gamma = min(gamma, 0.99 mse + 0.01 batch mse), mse the running mean. */
    public static GammaBalance splitVae() {
        return new GammaBalance(true);
    }

    /** The rule's name, part of a training's recipe: "gamma balance: running minimum" or "... of a running mean". */
    @Override
    public String toString() {
        return smoothed ? "gamma balance: minimum of a running mean (0.99)" : "gamma balance: running minimum";
    }

    /** Takes one batch's reconstruction error (mean squared error per pixel) and returns the new gamma. */
    public double update(double batchMse) {
        if (!(batchMse >= 0) || Double.isInfinite(batchMse)) {
            throw new IllegalArgumentException("a reconstruction error must be finite and >= 0, got " + batchMse);
        }
        if (smoothed) {
            runningMse = Double.isNaN(runningMse) ? batchMse : 0.99 * runningMse + 0.01 * batchMse;
            gamma = Math.min(gamma, runningMse);
        } else {
            gamma = Math.min(gamma, batchMse);
        }
        return gamma;
    }

    /** The current gamma (gamma^2 for the vanilla rule); infinite before the first batch. */
    public double gamma() {
        return gamma;
    }

    /** Restores the state saved with a checkpoint. */
    public void restore(double gamma, double runningMse) {
        this.gamma = gamma;
        this.runningMse = runningMse;
    }

    public double runningMse() {
        return runningMse;
    }
}
