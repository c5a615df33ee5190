package org.latentmap.relocation;

/**
 * A linear (or affine) map between two latent spaces, z2 = z1 W (+ b), the relocation of paper Sect. 6: W
 * has one row per source variable and one column per target variable. Fitted by a {@link MapFit}.
 */
public final class LinearMap implements CodeMap {
    private final double[][] weights;
    private final double[] bias;
    private final String fit;

    LinearMap(double[][] weights, double[] bias, String fit) {
        this.weights = weights;
        this.bias = bias;
        this.fit = fit;
    }

    /** A map of known weights (source size x target size) and bias (null: none). */
    public static LinearMap of(double[][] weights, double[] bias) {
        int q = weights[0].length;
        for (double[] row : weights) {
            if (row.length != q) {
                throw new IllegalArgumentException("weight rows of different lengths: " + q + " and " + row.length);
            }
        }
        if (bias != null && bias.length != q) {
            throw new IllegalArgumentException("a bias of size " + bias.length + " for a target of size " + q);
        }
        return new LinearMap(copy(weights), bias == null ? null : bias.clone(), "given");
    }

    public int sourceSize() {
        return weights.length;
    }

    public int targetSize() {
        return weights[0].length;
    }

    public boolean hasBias() {
        return bias != null;
    }

    /** How the map was fitted, such as "least squares". */
    public String fit() {
        return fit;
    }

    public double[][] weights() {
        return copy(weights);
    }

    /** The bias, zeros when the map has none. */
    public double[] bias() {
        return bias == null ? new double[targetSize()] : bias.clone();
    }

    /** Maps each row of {@code codes} (source codes) to the target space. */
    public float[][] apply(float[][] codes) {
        int p = sourceSize();
        int q = targetSize();
        float[][] out = new float[codes.length][];
        for (int i = 0; i < codes.length; i++) {
            if (codes[i].length != p) {
                throw new IllegalArgumentException(
                        "a code of size " + codes[i].length + " for a map from a space of size " + p + " (to " + q
                                + "): map codes of the model the map was fitted on");
            }
            double[] z = bias == null ? new double[q] : bias.clone();
            for (int k = 0; k < p; k++) {
                double x = codes[i][k];
                if (x != 0) {
                    double[] row = weights[k];
                    for (int j = 0; j < q; j++) {
                        z[j] += x * row[j];
                    }
                }
            }
            float[] mapped = new float[q];
            for (int j = 0; j < q; j++) {
                mapped[j] = (float) z[j];
            }
            out[i] = mapped;
        }
        return out;
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    @Override
    public String toString() {
        return "LinearMap[" + sourceSize() + " -> " + targetSize() + (bias != null ? ", with bias" : "") + ", " + fit
                + "]";
    }
}
