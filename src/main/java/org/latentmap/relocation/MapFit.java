package org.latentmap.relocation;

import java.util.Locale;

/**
 * How a {@link LinearMap} is fitted to pairs of codes (paper Sect. 6): closed-form least squares, with or
 * without a bias; ridge regression; or the authors' own way, one dense layer without bias trained by Adam
 * ({@link #denseLayer()}). Source and target codes come in matching rows: row i of both is one image.
 */
public abstract class MapFit implements CodeMapFit {
    private final String name;

    MapFit(String name) {
        this.name = name;
    }

    /** Least squares without bias, min ||Z1 W - Z2||^2: the paper's maps have no bias. */
    public static MapFit leastSquares() {
        return new ClosedForm("least squares", false, 0);
    }

    /** Least squares with a bias (an affine map). */
    public static MapFit affine() {
        return new ClosedForm("affine least squares", true, 0);
    }

    /** Ridge regression without bias, min ||Z1 W - Z2||^2 + lambda ||W||^2 (sums over all entries). */
    public static MapFit ridge(double lambda) {
        if (!(lambda > 0)) {
            throw new IllegalArgumentException("a ridge penalty is > 0, got " + lambda + " (0 is plain least squares)");
        }
        return new ClosedForm(String.format(Locale.ROOT, "ridge %.3g", lambda), false, lambda);
    }

    /**
     * Ridge regression without bias, its penalty chosen by {@link RidgeValidation} ({@value RidgeValidation#FOLDS}-fold
     * validation on the fit points): the fit for a support set about as large as the source space, where plain
     * least squares passes through every point. On plentiful points it chooses a small penalty and agrees
     * with least squares. The fitted map's name gives the penalty chosen.
     */
    public static MapFit validatedRidge() {
        return new MapFit("ridge, validated") {
            @Override
            LinearMap fitChecked(float[][] source, float[][] target) {
                RidgeValidation validation = RidgeValidation.of(source, target);
                LinearMap map = ridge(validation.bestLambda()).fitChecked(source, target);
                return new LinearMap(map.weights(), null, String.format(Locale.ROOT, "ridge %.3g (%.2g x scale, %d-fold validated)",
                        validation.bestLambda(), validation.bestFactor(), RidgeValidation.FOLDS));
            }
        };
    }

    /**
     * Orthogonal Procrustes: both spaces standardised, the smaller zero-padded, then the best rotation (or
     * reflection) of one onto the other; the most rigid of the maps. It has a bias (the standardisations').
     */
    public static MapFit procrustes() {
        return new ProcrustesFit();
    }

    /**
     * The authors' fit: one dense layer, no bias, Glorot-uniform start, loss = mean squared error + 1e-4 x
     * sum of squared weights, Adam at 5e-4 for 2,000 full-batch steps (their repository's Keras set-up).
     */
    public static MapFit denseLayer() {
        return new DenseLayerFit(2000, 5e-4, 1e-4, 1);
    }

    /** The dense-layer fit with other settings (steps, learning rate, L2 weight, seed of the start). */
    public static MapFit denseLayer(int steps, double learningRate, double l2, long seed) {
        return new DenseLayerFit(steps, learningRate, l2, seed);
    }

    /** Fits the map taking {@code source} rows to {@code target} rows. */
    public final LinearMap fit(float[][] source, float[][] target) {
        if (source.length != target.length) {
            throw new IllegalArgumentException(source.length + " source codes but " + target.length
                    + " target codes: a map is fitted on the codes of the same images in both spaces");
        }
        if (source.length == 0) {
            throw new IllegalArgumentException("a map needs at least one pair of codes; none were given");
        }
        requireSameSize(source, "source");
        requireSameSize(target, "target");
        return fitChecked(source, target);
    }

    abstract LinearMap fitChecked(float[][] source, float[][] target);

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }

    private static void requireSameSize(float[][] codes, String which) {
        for (float[] code : codes) {
            if (code.length != codes[0].length) {
                throw new IllegalArgumentException(which + " codes of different sizes: " + codes[0].length + " and " + code.length);
            }
        }
    }

    /** Least squares and ridge by QR; ridge as least squares on rows extended by sqrt(lambda) I. */
    private static final class ClosedForm extends MapFit {
        private final boolean bias;
        private final double lambda;

        ClosedForm(String name, boolean bias, double lambda) {
            super(name);
            this.bias = bias;
            this.lambda = lambda;
        }

        @Override
        LinearMap fitChecked(float[][] source, float[][] target) {
            int n = source.length;
            int p = source[0].length;
            int q = target[0].length;
            int unknowns = p + (bias ? 1 : 0);
            int rows = n + (lambda > 0 ? p : 0);
            if (rows < unknowns) {
                throw new IllegalArgumentException(n + " pairs of codes cannot fix a " + (bias ? "affine " : "") + "map from "
                        + p + " source variables by least squares (it needs at least " + unknowns
                        + "): use ridge (MapFit.ridge) or more points");
            }
            double[][] a = new double[unknowns][rows];
            double[][] b = new double[q][rows];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < p; k++) {
                    a[k][i] = source[i][k];
                }
                if (bias) {
                    a[p][i] = 1;
                }
                for (int j = 0; j < q; j++) {
                    b[j][i] = target[i][j];
                }
            }
            double root = Math.sqrt(lambda);
            for (int k = 0; lambda > 0 && k < p; k++) {
                a[k][n + k] = root;
            }
            double[][] solution;
            try {
                solution = LeastSquares.solve(a, b);
            } catch (LeastSquares.RankDeficient e) {
                throw new IllegalArgumentException("the source codes do not determine a map by least squares: "
                        + e.getMessage() + " (" + n + " pairs, " + p + " variables); use ridge (MapFit.ridge) or more varied points", e);
            }
            double[][] weights = java.util.Arrays.copyOf(solution, p);
            return new LinearMap(weights, bias ? solution[p] : null, name());
        }
    }
}
