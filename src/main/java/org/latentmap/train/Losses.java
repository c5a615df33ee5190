package org.latentmap.train;

import static org.latentmap.engine.Tensors.scalar;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * The loss terms of paper Sect. 4.2, each averaged over the batch: squared reconstruction error summed over
 * pixels, the KL divergence of a diagonal Gaussian posterior from N(0, I), binary cross-entropy on
 * discriminator logits, and mean squared error.
 */
public final class Losses {
    private Losses() {}

    /**
     * Per image (first axis), the mean over its pixels of (x - y)^2: the one per-image error behind R-MSE, the
     * relocated image error (paper Sect. 6), the reconstruction gain and the inversion's errors.
     */
    public static NDArray meanSquaredErrorPerImage(NDArray x, NDArray y) {
        long n = x.getShape().get(0);
        return x.sub(y).square().reshape(new Shape(n, -1)).mean(new int[] {1});
    }

    /** Sum over pixels of (x - y)^2, averaged over the batch (first axis). */
    public static NDArray sumSquaredError(NDArray x, NDArray y) {
        return x.sub(y).square().sum().div(scalar(x, x.getShape().get(0)));
    }

    /** Mean over every element of (x - y)^2. */
    public static NDArray meanSquaredError(NDArray x, NDArray y) {
        return x.sub(y).square().mean();
    }

    /** KL(N(mean, exp(logVar)) || N(0, I)) = 0.5 sum(mean^2 + exp(logVar) - 1 - logVar), averaged over the batch. */
    public static NDArray kl(NDArray mean, NDArray logVar) {
        return mean.square()
                .add(logVar.exp())
                .sub(scalar(mean, 1f))
                .sub(logVar)
                .sum()
                .mul(scalar(mean, 0.5f))
                .div(scalar(mean, mean.getShape().get(0)));
    }

    /**
     * Binary cross-entropy of sigmoid(logits) against a constant target (1 for real, 0 for fake), in the
     * stable form softplus(l) - target l, averaged over the batch.
     */
    public static NDArray binaryCrossEntropy(NDArray logits, float target) {
        NDArray softplus = logits.maximum(scalar(logits, 0f))
                .add(logits.abs().neg().exp().add(scalar(logits, 1f)).log());
        return softplus.sub(logits.mul(scalar(logits, target))).mean();
    }

    /** A reparameterised sample mean + exp(logVar / 2) x noise. */
    public static NDArray reparameterise(NDArray mean, NDArray logVar, NDArray noise) {
        return mean.add(logVar.mul(scalar(logVar, 0.5f)).exp().mul(noise));
    }
}
