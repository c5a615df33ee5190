package org.latentmap.model.diffusion;

/**
 * DDPM's forward process (Ho et al. 2020, Sect. 4): T times, a noise variance beta_t rising linearly from 1e-4 to
 * 0.02, and alpha-bar_t = prod (1 - beta_s) for s up to t, the share of the image's variance left at time t, so that
 * x_t = sqrt(alpha-bar_t) x_0 + sqrt(1 - alpha-bar_t) noise.
 */
public final class NoiseSchedule {
    /** DDPM's number of times. */
    public static final int TIMES = 1000;

    private final double[] alphaBar;

    private NoiseSchedule(double[] alphaBar) {
        this.alphaBar = alphaBar;
    }

    /** DDPM's linear schedule over {@code times} times, betas from 1e-4 to 0.02. */
    public static NoiseSchedule linear(int times) {
        if (times < 2) {
            throw new IllegalArgumentException("a noise schedule needs at least 2 times, got " + times);
        }
        double[] alphaBar = new double[times];
        double product = 1;
        for (int t = 0; t < times; t++) {
            double beta = 1e-4 + (0.02 - 1e-4) * t / (times - 1);
            product *= 1 - beta;
            alphaBar[t] = product;
        }
        return new NoiseSchedule(alphaBar);
    }

    /** DDPM's schedule, 1,000 times. */
    public static NoiseSchedule ddpm() {
        return linear(TIMES);
    }

    public int times() {
        return alphaBar.length;
    }

    /** alpha-bar at time {@code t} (0-based). */
    public double alphaBar(int t) {
        return alphaBar[t];
    }

    /**
     * The {@code steps} times a deterministic sampler visits, ascending and evenly spaced, the last one the final time
     * T - 1: t_i = round((i + 1) T / steps) - 1.
     */
    public int[] strides(int steps) {
        if (steps < 1 || steps > times()) {
            throw new IllegalArgumentException(
                    "DDIM takes between 1 and " + times() + " steps (the schedule's times); got " + steps);
        }
        int[] visited = new int[steps];
        for (int i = 0; i < steps; i++) {
            visited[i] = (int) Math.round((i + 1) * (double) times() / steps) - 1;
        }
        return visited;
    }
}
