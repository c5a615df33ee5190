package org.latentmap.relocation;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.BiFunction;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;
import org.ejml.dense.row.linsol.chol.LinearSolverChol_DDRM;
import org.ejml.dense.row.linsol.qr.LinearSolverQrHouseCol_DDRM;
import org.latentmap.linalg.CodeMatrix;
import org.latentmap.linalg.CodeProducts;
import org.latentmap.linalg.RidgeValidation;

/**
 * How a {@link LinearMap} is fitted to pairs of codes (paper Sect. 6): closed-form least squares, with or
 * without a bias; ridge regression; or the authors' own way, one dense layer without bias trained by Adam
 * ({@link #denseLayer()}). Source and target codes come in matching rows: row i of both is one image.
 */
public abstract class MapFit implements CodeMapFit {
    private final String name;
    private final String recipe;

    MapFit(String name, String recipe) {
        this.name = name;
        this.recipe = recipe;
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
     * Ridge regression without bias, its penalty chosen by {@link RidgeValidation#leaveOneOut leave-one-out
     * validation} on the fit points: the fit for a support set about as large as the source space, where plain
     * least squares passes through every point. On plentiful points it chooses a small penalty and agrees
     * with least squares. The fitted map's name gives the penalty chosen.
     */
    public static MapFit validatedRidge() {
        return validated("ridge, validated", RidgeValidation.LEAVE_ONE_OUT_RECIPE, RidgeValidation::leaveOneOut);
    }

    /**
     * Ridge regression without bias, its penalty chosen by {@value RidgeValidation#FOLDS}-fold validation on the
     * fit points ({@link RidgeValidation#of}): the project's choice before leave-one-out, kept for comparison.
     * On a support set each fold fits on four fifths of the points, which pushes the penalty up.
     */
    public static MapFit kFoldRidge() {
        return validated("ridge, " + RidgeValidation.FOLDS + "-fold", RidgeValidation.RECIPE, RidgeValidation::of);
    }

    private static MapFit validated(
            String name, String validationRecipe, BiFunction<CodeMatrix, CodeMatrix, RidgeValidation> validate) {
        return new MapFit(
                name, "validated ridge v1: " + validationRecipe + ", then " + ClosedForm.recipe(false, Double.NaN)) {
            @Override
            LinearMap fitChecked(CodeMatrix source, CodeMatrix target) {
                RidgeValidation validation = validate.apply(source, target);
                LinearMap map = ridge(validation.bestLambda()).fitChecked(source, target);
                return new LinearMap(
                        map.weights(),
                        null,
                        String.format(
                                Locale.ROOT,
                                "ridge %.3g (%.2g x scale, %s validated)",
                                validation.bestLambda(),
                                validation.bestFactor(),
                                validation.scheme()));
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

    /** The authors' number of full-batch steps (their repository's Keras set-up). */
    public static final int AUTHORS_STEPS = 2000;

    /**
     * The authors' fit: one dense layer, no bias, Glorot-uniform start, loss = mean squared error + 1e-4 x
     * sum of squared weights, Adam at 5e-4 for {@value #AUTHORS_STEPS} full-batch steps (their repository's Keras
     * set-up).
     */
    public static MapFit denseLayer() {
        return denseLayer(AUTHORS_STEPS);
    }

    /** {@link #denseLayer()} for {@code steps} steps (fewer, for a smoke run). */
    public static MapFit denseLayer(int steps) {
        return new DenseLayerFit(steps, 5e-4, 1e-4, 1);
    }

    /**
     * The authors' fit as their repository writes it ({@code comparison.py}, {@code transform_with_support}): a
     * dense layer without bias, Glorot-uniform start, Adam at 5e-4 for {@value #AUTHORS_STEPS} full-batch steps,
     * loss = mean squared error + 1e-4 x sum of squared weights (kernel regulariser) + 1e-4 x mean over the points
     * of the sum of squared outputs (activity regulariser). {@link #denseLayer()} leaves the activity term out.
     */
    public static MapFit authors() {
        return authors(AUTHORS_STEPS);
    }

    /** {@link #authors()} for {@code steps} steps (fewer, for a smoke run). */
    public static MapFit authors(int steps) {
        return DenseLayerFit.authors(1e-4, steps);
    }

    /**
     * The authors' fit with their penalty for pairs that involve a GAN: their code's remark "when one of the two
     * models is a GAN augment regularization to 0.0015", applied to both regularisers.
     */
    public static MapFit authorsForGan() {
        return authorsForGan(AUTHORS_STEPS);
    }

    /** {@link #authorsForGan()} for {@code steps} steps (fewer, for a smoke run). */
    public static MapFit authorsForGan(int steps) {
        return DenseLayerFit.authors(0.0015, steps);
    }

    /** The dense-layer fit with other settings (steps, learning rate, L2 weight, seed of the start). */
    public static MapFit denseLayer(int steps, double learningRate, double l2, long seed) {
        return new DenseLayerFit(steps, learningRate, l2, seed);
    }

    /** Fits the map taking {@code source} rows to {@code target} rows. */
    public final LinearMap fit(CodeMatrix source, CodeMatrix target) {
        if (source.size() != target.size()) {
            throw new IllegalArgumentException(source.size() + " source codes but " + target.size()
                    + " target codes: a map is fitted on the codes of the same images in both spaces");
        }
        if (source.size() == 0) {
            throw new IllegalArgumentException("a map needs at least one pair of codes; none were given");
        }
        return fitChecked(source, target);
    }

    abstract LinearMap fitChecked(CodeMatrix source, CodeMatrix target);

    public String name() {
        return name;
    }

    @Override
    public String recipe() {
        return recipe;
    }

    @Override
    public String toString() {
        return name;
    }

    /**
     * Least squares and ridge from the normal equations (X^T X + lambda I) W = X^T Y, with the columns of X
     * scaled to unit norm first and solved by Cholesky (EJML), the products computed by the engine; when the
     * scaled system is ill-conditioned (a Cholesky pivot below {@value #PIVOT_TOLERANCE}, so the normal
     * equations would lose more than about 8 of 16 digits) or the fit has few points, Householder QR on X
     * itself (EJML), which loses half as many digits.
     */
    private static final class ClosedForm extends MapFit {
        /** A squared Cholesky pivot of the unit-diagonal system below this sends the fit to QR. */
        private static final double PIVOT_TOLERANCE = 1e-8;
        /** Fits with fewer rows than this go to QR directly: cheap, and the most accurate. */
        private static final int QR_BELOW_ROWS = 2_000;
        /** A column whose QR pivot is below this share of the largest is taken as dependent on the others. */
        private static final double RANK_TOLERANCE = 1e-12;

        private final boolean bias;
        private final double lambda;

        ClosedForm(String name, boolean bias, double lambda) {
            super(name, recipe(bias, lambda));
            this.bias = bias;
            this.lambda = lambda;
        }

        /** The closed form's settings (lambda NaN: chosen by validation). */
        static String recipe(boolean bias, double lambda) {
            return "closed form v1 (normal equations below pivot " + PIVOT_TOLERANCE + " else QR, QR below "
                    + QR_BELOW_ROWS + " rows, rank " + RANK_TOLERANCE + "), bias " + bias + ", lambda "
                    + Double.toHexString(lambda);
        }

        @Override
        LinearMap fitChecked(CodeMatrix source, CodeMatrix target) {
            int n = source.size();
            int p = source.width();
            int unknowns = p + (bias ? 1 : 0);
            int rows = n + (lambda > 0 ? p : 0);
            if (rows < unknowns) {
                throw new IllegalArgumentException(
                        n + " pairs of codes cannot fix a " + (bias ? "affine " : "") + "map from "
                                + p + " source variables by least squares (it needs at least " + unknowns
                                + "): use ridge (MapFit.ridge) or more points");
            }
            DMatrixRMaj x = CodeProducts.matrix(source, bias);
            DMatrixRMaj y = CodeProducts.matrix(target, false);
            DMatrixRMaj w = n >= QR_BELOW_ROWS ? normalEquations(x, y) : null;
            if (w == null) {
                w = qr(x, y, n, p);
            }
            double[][] solution = CodeProducts.rows(w);
            double[][] weights = Arrays.copyOf(solution, p);
            return new LinearMap(weights, bias ? solution[p] : null, name());
        }

        /** W from the column-scaled normal equations, or null when they are too ill-conditioned. */
        private DMatrixRMaj normalEquations(DMatrixRMaj x, DMatrixRMaj y) {
            int p = x.numCols;
            DMatrixRMaj gram = CodeProducts.transposeTimes(x, x);
            DMatrixRMaj cross = CodeProducts.transposeTimes(x, y);
            double[] scale = new double[p];
            for (int k = 0; k < p; k++) {
                double norm = gram.get(k, k) + (bias && k == p - 1 ? 0 : lambda);
                if (!(norm > 0)) {
                    return null; // an all-zero column: QR says which
                }
                scale[k] = 1 / Math.sqrt(norm);
            }
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    gram.set(
                            a,
                            b,
                            (gram.get(a, b) + (a == b && !(bias && a == p - 1) ? lambda : 0)) * scale[a] * scale[b]);
                }
                for (int j = 0; j < cross.numCols; j++) {
                    cross.set(a, j, cross.get(a, j) * scale[a]);
                }
            }
            LinearSolverChol_DDRM cholesky = new LinearSolverChol_DDRM(new CholeskyDecompositionInner_DDRM(true));
            if (!cholesky.setA(gram)) {
                return null;
            }
            DMatrixRMaj factor = cholesky.getDecomposition().getT(null);
            for (int k = 0; k < p; k++) {
                double pivot = factor.get(k, k);
                if (!(pivot * pivot > PIVOT_TOLERANCE)) {
                    return null;
                }
            }
            DMatrixRMaj w = new DMatrixRMaj(p, cross.numCols);
            cholesky.solve(cross, w);
            for (int a = 0; a < p; a++) {
                for (int j = 0; j < w.numCols; j++) {
                    w.set(a, j, w.get(a, j) * scale[a]);
                }
            }
            return w;
        }

        /** W by Householder QR of X (with sqrt(lambda) I below it for ridge); refuses dependent columns. */
        private DMatrixRMaj qr(DMatrixRMaj x, DMatrixRMaj y, int n, int p) {
            if (lambda > 0) {
                DMatrixRMaj extended = new DMatrixRMaj(x.numRows + p, x.numCols);
                CommonOps_DDRM.insert(x, extended, 0, 0);
                double root = Math.sqrt(lambda);
                for (int k = 0; k < p; k++) {
                    extended.set(x.numRows + k, k, root);
                }
                x = extended;
                DMatrixRMaj targets = new DMatrixRMaj(y.numRows + p, y.numCols);
                CommonOps_DDRM.insert(y, targets, 0, 0);
                y = targets;
            }
            LinearSolverQrHouseCol_DDRM solver = new LinearSolverQrHouseCol_DDRM();
            if (!solver.setA(x)) {
                throw new IllegalArgumentException(
                        "the source codes do not determine a map by least squares (QR failed; " + n + " pairs, " + p
                                + " variables): use ridge (MapFit.ridge) or more varied points");
            }
            DMatrixRMaj r = solver.getDecomposition().getR(null, true);
            double largest = 0;
            for (int k = 0; k < r.numCols; k++) {
                largest = Math.max(largest, Math.abs(r.get(k, k)));
                if (!(Math.abs(r.get(k, k)) > RANK_TOLERANCE * largest)) {
                    throw new IllegalArgumentException("the source codes do not determine a map by least squares: "
                            + (k < p ? "source variable " + k : "the bias")
                            + " depends linearly on the ones before it ("
                            + n + " pairs, " + p + " variables); use ridge (MapFit.ridge) or more varied points");
                }
            }
            DMatrixRMaj w = new DMatrixRMaj(x.numCols, y.numCols);
            solver.solve(y, w);
            return w;
        }
    }
}
