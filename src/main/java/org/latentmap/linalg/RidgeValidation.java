package org.latentmap.linalg;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.mult.VectorVectorMult_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Chooses the ridge penalty of a relocation map on the fit points themselves, by leave-one-out
 * ({@link #leaveOneOut}, exact and cheap for ridge) or by k-fold cross-validation ({@link #of}),
 * for fits where plain least squares is barely or not determined: the paper's support set has 150 images
 * and its Split-VAE 150 variables (Sect. 6). The pairs are dealt into {@value #FOLDS} folds in a seeded
 * random order; every penalty of a logarithmic grid is fitted on four folds and scored on the fifth, and
 * the penalty with the least held-out error wins.
 *
 * <p>Penalties are given relative to the codes' scale: lambda = factor x trace(Z1^T Z1) / p, the mean sum of
 * squares of one source variable, so one grid suits codes of any size and spread. Held-out errors are mean
 * squared errors per code entry, the units of L-MSE. Everything is computed from the folds' Gram matrices
 * (Z1^T Z1, Z1^T Z2, by the engine), so the cost after one product over the points does not grow with their
 * number; one eigen-decomposition per fold (EJML) then scores every penalty at once.
 */
public final class RidgeValidation {
    public static final int FOLDS = 5;
    /** The grid of relative penalties: 1e-6 to 10 in steps of half a decade. */
    private static final double[] FACTORS = grid(-6, 1);

    private static final long SEED = 1;
    /** Rows of codes leave-one-out handles at a time. */
    private static final int CHUNK = 8192;
    /** The 5-fold validation's settings, part of a validated fit's {@link CodeMapFit#recipe()}. */
    public static final String RECIPE =
            "ridge validation v1, " + FOLDS + " folds (seed " + SEED + "), factors 1e-6..10 by half decades";
    /** The leave-one-out validation's settings, part of a validated fit's {@link CodeMapFit#recipe()}. */
    public static final String LEAVE_ONE_OUT_RECIPE =
            "ridge validation v2, leave one out (exact), factors 1e-6..10 by half decades";

    private final String scheme;
    private final double[] lambdas;
    private final double[] errors;
    private final int best;

    private RidgeValidation(String scheme, double[] lambdas, double[] errors) {
        this.scheme = scheme;
        this.lambdas = lambdas;
        this.errors = errors;
        int b = 0;
        for (int i = 1; i < errors.length; i++) {
            if (errors[i] < errors[b]) {
                b = i;
            }
        }
        this.best = b;
    }

    /** Validates every penalty of the grid on these pairs of codes (row i of both is one image). */
    public static RidgeValidation of(CodeMatrix source, CodeMatrix target) {
        return of(CodeProducts.matrix(source, false), CodeProducts.matrix(target, false));
    }

    /** {@link #of(CodeMatrix, CodeMatrix)} on codes as matrices (one row per image), such as prepared ones. */
    public static RidgeValidation of(DMatrixRMaj source, DMatrixRMaj target) {
        int n = source.numRows;
        if (n < FOLDS || n != target.numRows) {
            throw new IllegalArgumentException(
                    n + " source and " + target.numRows + " target codes: choosing a ridge" + " penalty by " + FOLDS
                            + "-fold validation needs at least " + FOLDS + " pairs of codes of the same images");
        }
        int p = source.numCols;
        int q = target.numCols;
        int[] sourceColumns = IntStream.range(0, p).toArray();
        int[] targetColumns = IntStream.range(0, q).toArray();
        int[] fold = folds(n);
        DMatrixRMaj[] gram = new DMatrixRMaj[FOLDS];
        DMatrixRMaj[] cross = new DMatrixRMaj[FOLDS];
        double[] targetSquares = new double[FOLDS];
        for (int f = 0; f < FOLDS; f++) {
            int fixed = f;
            int[] rows = IntStream.range(0, n).filter(i -> fold[i] == fixed).toArray();
            DMatrixRMaj x = CommonOps_DDRM.extract(source, rows, rows.length, sourceColumns, p, null);
            DMatrixRMaj y = CommonOps_DDRM.extract(target, rows, rows.length, targetColumns, q, null);
            gram[f] = CodeProducts.transposeTimes(x, x);
            cross[f] = CodeProducts.transposeTimes(x, y);
            targetSquares[f] = CommonOps_DDRM.elementSum(CommonOps_DDRM.elementMult(y, y, null));
        }
        DMatrixRMaj gramAll = sum(gram);
        DMatrixRMaj crossAll = sum(cross);
        double scale = CommonOps_DDRM.trace(gramAll) / p;
        if (!(scale > 0)) {
            throw new IllegalArgumentException("the source codes are all zero: no map can be fitted from them");
        }
        double[] lambdas = new double[FACTORS.length];
        double[] errors = new double[FACTORS.length];
        for (int g = 0; g < FACTORS.length; g++) {
            lambdas[g] = FACTORS[g] * scale;
        }
        for (int f = 0; f < FOLDS; f++) {
            DMatrixRMaj trainGram = CommonOps_DDRM.subtract(gramAll, gram[f], null);
            DMatrixRMaj trainCross = CommonOps_DDRM.subtract(crossAll, cross[f], null);
            double[] heldOut = heldOutSquares(trainGram, trainCross, gram[f], cross[f], targetSquares[f], lambdas);
            for (int g = 0; g < lambdas.length; g++) {
                errors[g] += heldOut[g];
            }
        }
        for (int g = 0; g < errors.length; g++) {
            errors[g] /= (double) n * q;
        }
        return new RidgeValidation(FOLDS + "-fold", lambdas, errors);
    }

    /**
     * Validates every penalty of the grid by leaving each pair out in turn, exactly and without refitting: for
     * ridge, the prediction of point i by the map fitted without it has the residual r_i / (1 - h_i), r_i the
     * residual of the map fitted on all points and h_i = x_i (X^T X + lambda I)^-1 x_i^T its leverage. With
     * X^T X = V diag(d) V^T (one eigen-decomposition) and U = X V, the fitted values are U diag(s) V^T X^T Y and
     * h_i = sum_k U_ik^2 s_k, s = 1 / (d + lambda): one n x p by p x q product per penalty. Unlike 5 folds
     * it never fits on fewer points than there are: with 150 points and 150 variables, each fold of 5 sees 120.
     */
    public static RidgeValidation leaveOneOut(CodeMatrix source, CodeMatrix target) {
        return leaveOneOut(CodeProducts.matrix(source, false), CodeProducts.matrix(target, false));
    }

    /**
     * {@link #leaveOneOut(CodeMatrix, CodeMatrix)} on codes as matrices (one row per image), such as prepared ones. With
     * more variables than points (a flow's or a diffusion model's pixel-sized codes on a support set) it takes the dual
     * form, whose eigen-decomposition is of the n x n kernel X X^T rather than the p x p Gram matrix: the same
     * penalties and errors (to rounding), at 1,024 variables on 150 points about a thousandth of the work.
     */
    public static RidgeValidation leaveOneOut(DMatrixRMaj x, DMatrixRMaj y) {
        checkPairs(x, y);
        if (x.numCols > x.numRows) {
            return leaveOneOutDual(x, y);
        }
        return y.numCols > x.numCols ? leaveOneOutWideTarget(x, y) : leaveOneOutPrimal(x, y);
    }

    private static void checkPairs(DMatrixRMaj x, DMatrixRMaj y) {
        if (x.numRows < 2 || x.numRows != y.numRows) {
            throw new IllegalArgumentException(x.numRows + " source and " + y.numRows + " target codes: choosing a"
                    + " ridge penalty by leaving one out needs at least 2 pairs of codes of the same images");
        }
    }

    /**
     * The dual form: X X^T = U diag(d) U^T, fitted values U diag(d / (d + lambda)) U^T Y and leverages h_i = sum_k
     * U_ik^2 d_k / (d_k + lambda), the penalties scaled as in the primal form (by trace(X^T X) / p).
     */
    static RidgeValidation leaveOneOutDual(DMatrixRMaj x, DMatrixRMaj y) {
        checkPairs(x, y);
        int n = x.numRows;
        int q = y.numCols;
        int p = x.numCols;
        DMatrixRMaj kernel = CommonOps_DDRM.multTransB(x, x, null);
        double scale = CommonOps_DDRM.trace(kernel) / p;
        if (!(scale > 0)) {
            throw new IllegalArgumentException("the source codes are all zero: no map can be fitted from them");
        }
        double[] d = new double[n];
        DMatrixRMaj u = eigenvectors(kernel, d);
        // residuals r = Y - U S U^T Y = U (I - S) A with A = U^T Y, so |r_i|^2 = u_i (C G C) u_i^T with C = I - S and
        // G = A A^T: one n x n x q product for all penalties, then n^3 per penalty instead of n^2 q
        DMatrixRMaj a = CommonOps_DDRM.multTransA(u, y, null);
        DMatrixRMaj g = CommonOps_DDRM.multTransB(a, a, null);
        double[] lambdas = new double[FACTORS.length];
        double[] errors = new double[FACTORS.length];
        DMatrixRMaj weighted = new DMatrixRMaj(n, n);
        DMatrixRMaj projected = new DMatrixRMaj(n, n);
        for (int f = 0; f < FACTORS.length; f++) {
            lambdas[f] = FACTORS[f] * scale;
            double[] shrink = new double[n];
            double[] keepShare = new double[n];
            for (int k = 0; k < n; k++) {
                double dk = Math.max(d[k], 0);
                shrink[k] = dk / (dk + lambdas[f]);
                keepShare[k] = 1 - shrink[k];
            }
            for (int k = 0; k < n; k++) {
                for (int l = 0; l < n; l++) {
                    weighted.data[k * n + l] = keepShare[k] * g.data[k * n + l] * keepShare[l];
                }
            }
            CommonOps_DDRM.mult(u, weighted, projected);
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double squares = 0;
                double h = 0;
                for (int k = 0; k < n; k++) {
                    double uik = u.data[i * n + k];
                    squares += projected.data[i * n + k] * uik;
                    h += uik * uik * shrink[k];
                }
                double keep = 1 - h;
                sum += keep > 1e-12 ? Math.max(squares, 0) / (keep * keep) : Double.POSITIVE_INFINITY;
            }
            errors[f] = sum / ((double) n * q);
        }
        return new RidgeValidation("leave-one-out", lambdas, errors);
    }

    /** The primal form of {@link #leaveOneOut(DMatrixRMaj, DMatrixRMaj)}: the p x p Gram matrix's eigen-decomposition. */
    static RidgeValidation leaveOneOutPrimal(DMatrixRMaj x, DMatrixRMaj y) {
        checkPairs(x, y);
        int n = x.numRows;
        int q = y.numCols;
        Spectrum spectrum = Spectrum.of(x, y);
        double[] d = spectrum.d();
        int p = d.length;
        DMatrixRMaj v = spectrum.v();
        DMatrixRMaj z = spectrum.rotatedCross();
        double[] lambdas = new double[FACTORS.length];
        double[][] s = new double[FACTORS.length][p];
        for (int g = 0; g < FACTORS.length; g++) {
            lambdas[g] = FACTORS[g] * spectrum.scale();
            for (int k = 0; k < p; k++) {
                s[g][k] = 1 / (d[k] + lambdas[g]);
            }
        }
        // rows in chunks, so that n x p matrices of all the codes are never held beside each other
        double[] sums = new double[FACTORS.length];
        for (int from = 0; from < n; from += CHUNK) {
            int rows = Math.min(CHUNK, n - from);
            DMatrixRMaj xs = CommonOps_DDRM.extract(x, from, from + rows, 0, p);
            DMatrixRMaj u = CodeProducts.times(xs, v);
            DMatrixRMaj scaled = new DMatrixRMaj(rows, p);
            for (int g = 0; g < FACTORS.length; g++) {
                double[] leverage = new double[rows];
                for (int i = 0; i < rows; i++) {
                    int row = i * p;
                    double h = 0;
                    for (int k = 0; k < p; k++) {
                        double uik = u.data[row + k];
                        scaled.data[row + k] = uik * s[g][k];
                        h += uik * uik * s[g][k];
                    }
                    leverage[i] = h;
                }
                DMatrixRMaj fitted = CodeProducts.times(scaled, z);
                for (int i = 0; i < rows; i++) {
                    double squares = 0;
                    for (int j = 0; j < q; j++) {
                        double r = y.data[(from + i) * q + j] - fitted.data[i * q + j];
                        squares += r * r;
                    }
                    double keep = 1 - leverage[i];
                    sums[g] += keep > 1e-12 ? squares / (keep * keep) : Double.POSITIVE_INFINITY;
                }
            }
        }
        double[] errors = new double[FACTORS.length];
        for (int g = 0; g < FACTORS.length; g++) {
            errors[g] = sums[g] / ((double) n * q);
        }
        return new RidgeValidation("leave-one-out", lambdas, errors);
    }

    /**
     * The primal form for targets wider than the source (a 64-variable code to a pixel-sized one): with X^T X = V
     * diag(d) V^T, u_i = x_i V diag(d)^-1/2 and A = diag(d)^-1/2 V^T X^T Y, the residual of row i under penalty lambda
     * is o_i + u_i diag(c) A with o_i = y_i - u_i A (the part no penalty fits) and c = lambda / (d + lambda), so its
     * squared norm is |o_i|^2 + 2 u_i diag(c) A o_i^T + u_i diag(c) A A^T diag(c) u_i^T: q-sized work once per row,
     * then p^2 per row and penalty instead of p q. Source directions with no spread (d near 0) fit nothing.
     */
    static RidgeValidation leaveOneOutWideTarget(DMatrixRMaj x, DMatrixRMaj y) {
        checkPairs(x, y);
        int n = x.numRows;
        int q = y.numCols;
        Spectrum spectrum = Spectrum.of(x, y);
        double[] d = spectrum.d();
        int p = d.length;
        double largest = 0;
        for (double dk : d) {
            largest = Math.max(largest, dk);
        }
        double[] inverseRoot = new double[p];
        for (int k = 0; k < p; k++) {
            inverseRoot[k] = d[k] > 1e-12 * largest ? 1 / Math.sqrt(d[k]) : 0;
        }
        DMatrixRMaj a = spectrum.rotatedCross(); // V^T X^T Y, rows then scaled
        for (int k = 0; k < p; k++) {
            for (int j = 0; j < q; j++) {
                a.data[k * q + j] *= inverseRoot[k];
            }
        }
        DMatrixRMaj g = CommonOps_DDRM.multTransB(a, a, null);
        double[] lambdas = new double[FACTORS.length];
        double[][] c = new double[FACTORS.length][p];
        double[][] share = new double[FACTORS.length][p];
        for (int f = 0; f < FACTORS.length; f++) {
            lambdas[f] = FACTORS[f] * spectrum.scale();
            for (int k = 0; k < p; k++) {
                double dk = inverseRoot[k] > 0 ? d[k] : 0;
                c[f][k] = inverseRoot[k] > 0 ? lambdas[f] / (dk + lambdas[f]) : 0;
                share[f][k] = dk / (dk + lambdas[f]);
            }
        }
        double[] sums = new double[FACTORS.length];
        double[] cu = new double[p];
        for (int from = 0; from < n; from += CHUNK) {
            int rows = Math.min(CHUNK, n - from);
            DMatrixRMaj xs = CommonOps_DDRM.extract(x, from, from + rows, 0, p);
            DMatrixRMaj u = CodeProducts.times(xs, spectrum.v());
            for (int i = 0; i < u.data.length; i++) {
                u.data[i] *= inverseRoot[i % p];
            }
            DMatrixRMaj outside = CommonOps_DDRM.extract(y, from, from + rows, 0, q);
            CommonOps_DDRM.multAdd(-1, u, a, outside); // o = y - u A
            DMatrixRMaj e = CommonOps_DDRM.multTransB(outside, a, null); // rows o_i A^T
            for (int i = 0; i < rows; i++) {
                double o = 0;
                for (int j = 0; j < q; j++) {
                    double value = outside.data[i * q + j];
                    o += value * value;
                }
                for (int f = 0; f < FACTORS.length; f++) {
                    double linear = 0;
                    double h = 0;
                    for (int k = 0; k < p; k++) {
                        double uik = u.data[i * p + k];
                        cu[k] = c[f][k] * uik;
                        linear += cu[k] * e.data[i * p + k];
                        h += uik * uik * share[f][k];
                    }
                    double quadratic = 0;
                    for (int k = 0; k < p; k++) {
                        if (cu[k] == 0) {
                            continue;
                        }
                        double row = 0;
                        for (int l = 0; l < p; l++) {
                            row += g.data[k * p + l] * cu[l];
                        }
                        quadratic += cu[k] * row;
                    }
                    double squares = Math.max(o + 2 * linear + quadratic, 0);
                    double keep = 1 - h;
                    sums[f] += keep > 1e-12 ? squares / (keep * keep) : Double.POSITIVE_INFINITY;
                }
            }
        }
        double[] errors = new double[FACTORS.length];
        for (int f = 0; f < FACTORS.length; f++) {
            errors[f] = sums[f] / ((double) n * q);
        }
        return new RidgeValidation("leave-one-out", lambdas, errors);
    }

    /**
     * What both primal forms start from: X^T X = V diag(d) V^T (eigenvalues {@code d}, eigenvectors the columns of
     * {@code v}), V^T X^T Y, and the penalties' scale trace(X^T X) / p.
     */
    private record Spectrum(double[] d, DMatrixRMaj v, DMatrixRMaj rotatedCross, double scale) {
        static Spectrum of(DMatrixRMaj x, DMatrixRMaj y) {
            DMatrixRMaj gram = CodeProducts.transposeTimes(x, x);
            int p = gram.numRows;
            double scale = CommonOps_DDRM.trace(gram) / p;
            if (!(scale > 0)) {
                throw new IllegalArgumentException("the source codes are all zero: no map can be fitted from them");
            }
            double[] d = new double[p];
            DMatrixRMaj v = eigenvectors(gram, d);
            return new Spectrum(d, v, CommonOps_DDRM.multTransA(v, CodeProducts.transposeTimes(x, y), null), scale);
        }
    }

    /** The eigenvalues of a symmetric matrix into {@code d}, its eigenvectors as the columns of the result (EJML). */
    private static DMatrixRMaj eigenvectors(DMatrixRMaj symmetric, double[] d) {
        int p = symmetric.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eigen = DecompositionFactory_DDRM.eig(p, true, true);
        if (!eigen.decompose(symmetric.copy())) {
            throw new IllegalArgumentException(
                    "the Gram matrix of the source codes has no eigen-decomposition: are the codes finite?");
        }
        DMatrixRMaj v = new DMatrixRMaj(p, p);
        for (int k = 0; k < p; k++) {
            d[k] = eigen.getEigenvalue(k).getReal();
            DMatrixRMaj column = eigen.getEigenVector(k);
            for (int i = 0; i < p; i++) {
                v.set(i, k, column.get(i));
            }
        }
        return v;
    }

    /** How the penalty was validated: "leave-one-out" or "5-fold". */
    public String scheme() {
        return scheme;
    }

    /** The chosen penalty: least held-out error on the grid. */
    public double bestLambda() {
        return lambdas[best];
    }

    /** The chosen penalty relative to the codes' scale (a factor of the grid). */
    public double bestFactor() {
        return FACTORS[best];
    }

    /** The held-out mean squared error per code entry at the chosen penalty. */
    public double bestError() {
        return errors[best];
    }

    /** The penalties tried, smallest first. */
    public double[] lambdas() {
        return lambdas.clone();
    }

    /** The relative penalties tried (lambda over the codes' scale), smallest first. */
    public double[] factors() {
        return FACTORS.clone();
    }

    /** The held-out mean squared error per code entry of each penalty tried. */
    public double[] errors() {
        return errors.clone();
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "ridge penalty %.3g (%.2g x the codes' scale) by %s validation: held-out error %.4g",
                bestLambda(),
                bestFactor(),
                scheme,
                bestError());
    }

    /**
     * For every penalty, the sum over the held-out rows of ||z W - y||^2 = tr(W^T G W) - 2 tr(W^T C) + sum y^2,
     * W = (T + lambda I)^-1 D the map fitted on the other folds (Gram T, cross-products D). With T = V diag(d) V^T
     * (one symmetric eigen-decomposition, EJML), W = V S A with A = V^T D and S = diag(1 / (d + lambda)), so
     * tr(W^T G W) = s^T ((V^T G V) o (A A^T)) s and tr(W^T C) = s . rowSums(A o V^T C): after a few products
     * per fold, each penalty costs O(p^2) instead of a p x p solve.
     */
    private static double[] heldOutSquares(
            DMatrixRMaj trainGram,
            DMatrixRMaj trainCross,
            DMatrixRMaj gram,
            DMatrixRMaj cross,
            double targetSquares,
            double[] lambdas) {
        int p = trainGram.numRows;
        double[] d = new double[p];
        DMatrixRMaj v = eigenvectors(trainGram, d);
        DMatrixRMaj a = CommonOps_DDRM.multTransA(v, trainCross, null);
        DMatrixRMaj b = CommonOps_DDRM.multTransA(v, CommonOps_DDRM.mult(gram, v, null), null);
        DMatrixRMaj aat = CommonOps_DDRM.multTransB(a, a, null);
        DMatrixRMaj e = CommonOps_DDRM.multTransA(v, cross, null);
        DMatrixRMaj r = CommonOps_DDRM.sumRows(CommonOps_DDRM.elementMult(a, e, null), null);
        DMatrixRMaj bm = CommonOps_DDRM.elementMult(b, aat, null);
        double[] out = new double[lambdas.length];
        DMatrixRMaj sv = new DMatrixRMaj(p, 1);
        for (int g = 0; g < lambdas.length; g++) {
            for (int i = 0; i < p; i++) {
                double shifted = d[i] + lambdas[g];
                if (!(shifted > 0)) {
                    throw new IllegalArgumentException("the ridge system with penalty " + lambdas[g]
                            + " is not positive definite:" + " are the source codes finite?");
                }
                sv.data[i] = 1 / shifted;
            }
            double quadratic = VectorVectorMult_DDRM.innerProdA(sv, bm, sv);
            double linear = VectorVectorMult_DDRM.innerProd(sv, r);
            out[g] = Math.max(0, targetSquares + quadratic - 2 * linear);
        }
        return out;
    }

    private static int[] folds(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] fold = new int[n];
        for (int position = 0; position < n; position++) {
            fold[order[position]] = position % FOLDS;
        }
        return fold;
    }

    private static DMatrixRMaj sum(DMatrixRMaj[] parts) {
        DMatrixRMaj total = parts[0].copy();
        for (int f = 1; f < parts.length; f++) {
            CommonOps_DDRM.addEquals(total, parts[f]);
        }
        return total;
    }

    private static double[] grid(int fromExponent, int toExponent) {
        int steps = 2 * (toExponent - fromExponent) + 1;
        double[] factors = new double[steps];
        for (int i = 0; i < steps; i++) {
            factors[i] = Math.pow(10, fromExponent + i / 2.0);
        }
        return factors;
    }
}
