package org.latentmap.features;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.latentmap.data.ImageSet;
import org.latentmap.model.LatentModel;
import org.latentmap.train.GradMode;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * How much each latent variable of a model carries (paper Sect. 5): the gain of variable i is the mean over
 * the data of (reconstruction error with z_i set to 0) minus (reconstruction error with z intact), the
 * error being the mean squared error per pixel. Variables the model ignores have a gain near 0.
 */
public final class ReconstructionGain {
    private static final int BATCH = 32;

    private final double[] gains;
    private final double intactError;

    private ReconstructionGain(double[] gains, double intactError) {
        this.gains = gains;
        this.intactError = intactError;
    }

    /** Measures the gain of every variable of {@code model} on {@code images}, in batched passes. */
    public static ReconstructionGain of(LatentModel model, ImageSet images) {
        if (images.size() == 0) {
            throw new IllegalArgumentException("the reconstruction gain needs at least one image; the set is empty");
        }
        GradMode.offForThisThread();
        int latent = model.latentSize();
        double[] zeroedSum = new double[latent];
        double intactSum = 0;
        for (int from = 0; from < images.size(); from += BATCH) {
            int to = Math.min(images.size(), from + BATCH);
            int n = to - from;
            try (NDManager manager = NDManager.newBaseManager()) {
                NDArray x = images.toNDArray(manager, from, to);
                NDArray codes = model.encode(x);
                intactSum += errors(x, model.decode(codes)).sum().getFloat();
                // block i of the tiled codes has variable i set to 0: (latent * n, latent)
                NDArray tiled = codes.tile(new long[] {latent, 1});
                NDArray mask = manager.eye(latent).neg().add(1f).repeat(0, n);
                NDArray zeroed = model.decode(tiled.mul(mask));
                float[] perImage = errors(x.tile(new long[] {latent, 1, 1, 1}), zeroed).toFloatArray();
                for (int i = 0; i < latent; i++) {
                    for (int k = 0; k < n; k++) {
                        zeroedSum[i] += perImage[i * n + k];
                    }
                }
            }
        }
        double intact = intactSum / images.size();
        double[] gains = new double[latent];
        for (int i = 0; i < latent; i++) {
            gains[i] = zeroedSum[i] / images.size() - intact;
        }
        return new ReconstructionGain(gains, intact);
    }

    /** A gain from known values (for tests and for reloading). */
    public static ReconstructionGain of(double[] gains, double intactError) {
        return new ReconstructionGain(gains.clone(), intactError);
    }

    private static NDArray errors(NDArray x, NDArray y) {
        long n = x.getShape().get(0);
        return x.sub(y).square().reshape(new Shape(n, -1)).mean(new int[] {1});
    }

    /** The gain of every variable, in variable order. */
    public double[] gains() {
        return gains.clone();
    }

    /** The reconstruction error with the codes intact. */
    public double intactError() {
        return intactError;
    }

    /** Variable indices from the most to the least informative. */
    public int[] order() {
        return IntStream.range(0, gains.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -gains[i]).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
    }

    /** The {@code n} most informative variables. */
    public int[] top(int n) {
        if (n < 1 || n > gains.length) {
            throw new IllegalArgumentException("asked for the " + n + " most informative of " + gains.length + " variables");
        }
        return Arrays.copyOf(order(), n);
    }

    /** The gains sorted from the largest. */
    public double[] sorted() {
        return Arrays.stream(order()).mapToDouble(i -> gains[i]).toArray();
    }

    /** Share of the total (positive) gain carried by the first k sorted variables, k = 1..latent size. */
    public double[] cumulativeShare() {
        double[] sorted = sorted();
        double total = Arrays.stream(sorted).map(g -> Math.max(0, g)).sum();
        double[] share = new double[sorted.length];
        double running = 0;
        for (int i = 0; i < sorted.length; i++) {
            running += Math.max(0, sorted[i]);
            share[i] = total == 0 ? 0 : running / total;
        }
        return share;
    }
}
