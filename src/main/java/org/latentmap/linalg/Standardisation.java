package org.latentmap.linalg;

/**
 * Each variable's mean and standard deviation over a set of codes, to bring them to mean 0 and deviation 1;
 * a constant variable keeps deviation 1 (it is all zeros once centred). Used by the Procrustes fit and the
 * residual network's input.
 */
public final class Standardisation {
    private final double[] mean;
    private final double[] sd;

    private Standardisation(double[] mean, double[] sd) {
        this.mean = mean;
        this.sd = sd;
    }

    /** Given means and deviations (as stored). */
    public static Standardisation of(double[] mean, double[] sd) {
        return new Standardisation(mean.clone(), sd.clone());
    }

    public static Standardisation of(CodeMatrix codes) {
        int p = codes.width();
        double[] mean = new double[p];
        for (int i = 0; i < codes.size(); i++) {
            for (int k = 0; k < p; k++) {
                mean[k] += codes.get(i, k);
            }
        }
        for (int k = 0; k < p; k++) {
            mean[k] /= codes.size();
        }
        double[] sd = new double[p];
        for (int i = 0; i < codes.size(); i++) {
            for (int k = 0; k < p; k++) {
                double d = codes.get(i, k) - mean[k];
                sd[k] += d * d;
            }
        }
        for (int k = 0; k < p; k++) {
            sd[k] = Math.sqrt(sd[k] / codes.size());
            if (!(sd[k] > 1e-12)) {
                sd[k] = 1;
            }
        }
        return new Standardisation(mean, sd);
    }

    /** Each variable's mean (a copy). */
    public double[] mean() {
        return mean.clone();
    }

    /** Each variable's standard deviation, 1 for a constant variable (a copy). */
    public double[] sd() {
        return sd.clone();
    }

    /** Variable k of a code, standardised. */
    public double apply(float value, int k) {
        return (value - mean[k]) / sd[k];
    }
}
