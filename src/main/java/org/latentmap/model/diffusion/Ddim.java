package org.latentmap.model.diffusion;

import static org.latentmap.engine.Tensors.scalar;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;

/**
 * Deterministic DDIM (Song, Meng and Ermon 2021, eq. 12 with sigma = 0) over a {@link NoiseSchedule}: a step moves x
 * from noise level alpha-bar_from to alpha-bar_to along the predicted noise eps, x' = sqrt(ab_to) x0 + sqrt(1 - ab_to)
 * eps with x0 = (x - sqrt(1 - ab_from) eps) / sqrt(ab_from). {@link #sample} runs the visited times downwards from
 * noise to an image; {@link #invert} runs them upwards from an image to its noise, asking the predictor at the time
 * it steps to (the predictor at the unknown end point is approximated by the one at the start point, as DDIM
 * inversion does); with a predictor that does not depend on x the two are exact inverses.
 */
public final class Ddim {
    /** What predicts the noise in x at time t. */
    @FunctionalInterface
    public interface NoisePredictor {
        NDArray noise(NDArray x, int t);
    }

    private final NoiseSchedule schedule;
    private final int[] visited;

    /** DDIM with {@code steps} steps (at least 1, at most the schedule's times) over {@code schedule}. */
    public Ddim(NoiseSchedule schedule, int steps) {
        this.schedule = schedule;
        this.visited = schedule.strides(steps);
    }

    public int steps() {
        return visited.length;
    }

    /** One step from level {@code from} to level {@code to} (alpha-bars) along the predicted noise. */
    public static NDArray step(NDArray x, NDArray eps, double from, double to) {
        NDArray x0 = x.sub(eps.mul(scalar(x, (float) Math.sqrt(1 - from)))).div(scalar(x, (float) Math.sqrt(from)));
        return x0.mul(scalar(x, (float) Math.sqrt(to))).add(eps.mul(scalar(x, (float) Math.sqrt(1 - to))));
    }

    /** Images (in the model's [-1, 1] scale) from noise at the last time. */
    public NDArray sample(NDArray noise, NoisePredictor predictor) {
        NDArray x = noise;
        for (int i = visited.length - 1; i >= 0; i--) {
            double from = schedule.alphaBar(visited[i]);
            double to = i > 0 ? schedule.alphaBar(visited[i - 1]) : 1;
            x = stepFreeing(x, noise, predictor, visited[i], from, to);
        }
        return x;
    }

    /** The noise at the last time that {@link #sample} turns into {@code images} (in [-1, 1]). */
    public NDArray invert(NDArray images, NoisePredictor predictor) {
        NDArray x = images;
        for (int i = 0; i < visited.length; i++) {
            double from = i > 0 ? schedule.alphaBar(visited[i - 1]) : 1;
            double to = schedule.alphaBar(visited[i]);
            x = stepFreeing(x, images, predictor, visited[i], from, to);
        }
        return x;
    }

    /**
     * One step whose intermediate arrays (the predictor's activations among them) are freed at once: kept until the
     * caller's manager closes, a 256-image reconstruction at 20 steps each way grew past 24 GB. The previous x is freed
     * too, unless it is the caller's {@code start}.
     */
    private static NDArray stepFreeing(
            NDArray x, NDArray start, NoisePredictor predictor, int t, double from, double to) {
        NDArray next;
        try (NDScope scope = new NDScope()) {
            next = step(x, predictor.noise(x, t), from, to);
            NDScope.unregister(next);
            scope.suppressNotUsedWarning();
        }
        if (x != start) {
            x.close();
        }
        return next;
    }
}
