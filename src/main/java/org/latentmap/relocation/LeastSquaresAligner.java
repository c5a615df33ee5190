package org.latentmap.relocation;

import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;
import org.ejml.dense.row.linsol.chol.LinearSolverChol_DDRM;
import org.ejml.dense.row.linsol.qr.LinearSolverQrHouseCol_DDRM;
import org.latentmap.linalg.CodeProducts;

/**
 * Least squares and ridge from the normal equations (X^T X + lambda I) W = X^T Y, with the columns of X scaled to
 * unit norm first and solved by Cholesky (EJML), the products computed by the engine; when the scaled system is
 * ill-conditioned (a Cholesky pivot below {@value #PIVOT_TOLERANCE}, so the normal equations would lose more than
 * about 8 of 16 digits) or the fit has few points, Householder QR on X itself (EJML), which loses half as many
 * digits. Ridge with more variables than points takes its dual form ({@link #dual}). Zero-padded source columns are
 * left out (their weights are 0), as a minimum-norm solver would.
 */
final class LeastSquaresAligner implements Aligner {
    /** A squared Cholesky pivot of the unit-diagonal system below this sends the fit to QR. */
    private static final double PIVOT_TOLERANCE = 1e-8;
    /** Fits with fewer rows than this go to QR directly: cheap, and the most accurate. */
    private static final int QR_BELOW_ROWS = 2_000;
    /** A column whose QR pivot is below this share of the largest is taken as dependent on the others. */
    private static final double RANK_TOLERANCE = 1e-12;

    private final String name;
    private final boolean bias;
    private final double lambda;

    LeastSquaresAligner(String name, boolean bias, double lambda) {
        this.name = name;
        this.bias = bias;
        this.lambda = lambda;
    }

    static LeastSquaresAligner ridge(double lambda) {
        if (!(lambda > 0)) {
            throw new IllegalArgumentException("a ridge penalty is > 0, got " + lambda + " (0 is plain least squares)");
        }
        return new LeastSquaresAligner(String.format(Locale.ROOT, "ridge %.3g", lambda), false, lambda);
    }

    /** The closed form's settings (lambda NaN: chosen by validation). */
    static String recipe(boolean bias, double lambda) {
        return "closed form v1 (normal equations below pivot " + PIVOT_TOLERANCE + " else QR, QR below "
                + QR_BELOW_ROWS + " rows, rank " + RANK_TOLERANCE + "), bias " + bias + ", lambda "
                + Double.toHexString(lambda);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String recipe() {
        return recipe(bias, lambda);
    }

    @Override
    public Alignment align(DMatrixRMaj source, DMatrixRMaj target, int sourceVariables) {
        int n = source.numRows;
        int p = sourceVariables;
        int unknowns = p + (bias ? 1 : 0);
        int rows = n + (lambda > 0 ? p : 0);
        if (rows < unknowns) {
            throw new IllegalArgumentException(n + " pairs of codes cannot fix a " + (bias ? "affine " : "")
                    + "map from " + p + " source variables by least squares (it needs at least " + unknowns
                    + "): use ridge (MapFit.ridge) or more points");
        }
        DMatrixRMaj x = design(source, p);
        boolean dualForm = lambda > 0 && !bias && p > n;
        if (dualForm && p == source.numCols && (long) p * target.numCols > LinearMap.FORMED_UP_TO) {
            DMatrixRMaj coefficients = dualCoefficients(x, target);
            if (coefficients != null) {
                return Alignment.dual(x, coefficients);
            }
        }
        DMatrixRMaj w = dualForm ? dual(x, target) : null;
        if (w == null && n >= QR_BELOW_ROWS) {
            w = normalEquations(x, target);
        }
        if (w == null) {
            w = qr(x, target, n, p);
        }
        DMatrixRMaj weights = new DMatrixRMaj(source.numCols, target.numCols);
        CommonOps_DDRM.extract(w, 0, p, 0, w.numCols, weights, 0, 0);
        double[] b = null;
        if (bias) {
            b = new double[target.numCols];
            System.arraycopy(w.data, p * w.numCols, b, 0, b.length);
        }
        return new Alignment(weights, b, null);
    }

    /** The first {@code p} columns of the source, and a column of ones for the bias. */
    private DMatrixRMaj design(DMatrixRMaj source, int p) {
        if (p == source.numCols && !bias) {
            return source;
        }
        DMatrixRMaj x = new DMatrixRMaj(source.numRows, p + (bias ? 1 : 0));
        CommonOps_DDRM.extract(source, 0, source.numRows, 0, p, x, 0, 0);
        if (bias) {
            for (int i = 0; i < x.numRows; i++) {
                x.unsafe_set(i, p, 1);
            }
        }
        return x;
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
                gram.set(a, b, (gram.get(a, b) + (a == b && !(bias && a == p - 1) ? lambda : 0)) * scale[a] * scale[b]);
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

    /**
     * Ridge with more variables than points (a pixel-sized code on a support set), in its dual form: W = X^T (X X^T +
     * lambda I)^-1 Y, one n x n Cholesky solve (EJML) in place of a QR of (n + p) x p. The same map (the push-through
     * identity X^T (X X^T + lambda I)^-1 = (X^T X + lambda I)^-1 X^T); at 1,024 variables on 150 points it took the
     * fits of notebook 08b's smoke run from seconds each to milliseconds.
     */
    private DMatrixRMaj dual(DMatrixRMaj x, DMatrixRMaj y) {
        DMatrixRMaj a = dualCoefficients(x, y);
        return a == null ? null : CommonOps_DDRM.multTransA(x, a, null);
    }

    /** A = (X X^T + lambda I)^-1 Y, so that W = X^T A; null when the solve fails. */
    private DMatrixRMaj dualCoefficients(DMatrixRMaj x, DMatrixRMaj y) {
        DMatrixRMaj kernel = CommonOps_DDRM.multTransB(x, x, null);
        for (int i = 0; i < kernel.numRows; i++) {
            kernel.add(i, i, lambda);
        }
        DMatrixRMaj a = new DMatrixRMaj(kernel.numRows, y.numCols);
        return CommonOps_DDRM.solveSPD(kernel, y, a) ? a : null;
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
            throw new IllegalArgumentException("the source codes do not determine a map by least squares (QR failed; "
                    + n + " pairs, " + p + " variables): use ridge (MapFit.ridge) or more varied points");
        }
        DMatrixRMaj r = solver.getDecomposition().getR(null, true);
        double largest = 0;
        for (int k = 0; k < r.numCols; k++) {
            largest = Math.max(largest, Math.abs(r.get(k, k)));
            if (!(Math.abs(r.get(k, k)) > RANK_TOLERANCE * largest)) {
                throw new IllegalArgumentException("the source codes do not determine a map by least squares: "
                        + (k < p ? "source variable " + k : "the bias") + " depends linearly on the ones before it ("
                        + n + " pairs, " + p + " variables); use ridge (MapFit.ridge) or more varied points");
            }
        }
        if (y.numCols > x.numCols) {
            return throughThinQ(solver, r, y);
        }
        DMatrixRMaj w = new DMatrixRMaj(x.numCols, y.numCols);
        solver.solve(y, w);
        return w;
    }

    /**
     * W = R^-1 Q^T Y with the thin Q formed once, for targets wider than the source (a pixel-sized code): EJML's
     * solver applies the reflections to Y one column at a time, which took most of a 150 -> 3,072 fit (0.7 s); one
     * matrix product and one triangular solve per column do the same.
     */
    private static DMatrixRMaj throughThinQ(LinearSolverQrHouseCol_DDRM solver, DMatrixRMaj r, DMatrixRMaj y) {
        int p = r.numCols;
        int q = y.numCols;
        DMatrixRMaj thinQ = solver.getDecomposition().getQ(null, true);
        DMatrixRMaj projected = CommonOps_DDRM.multTransA(thinQ, y, null); // p x q
        DMatrixRMaj upper = CommonOps_DDRM.extract(r, 0, p, 0, p);
        DMatrixRMaj w = new DMatrixRMaj(p, q);
        double[] column = new double[p];
        for (int j = 0; j < q; j++) {
            for (int k = 0; k < p; k++) {
                column[k] = projected.data[k * q + j];
            }
            TriangularSolver_DDRM.solveU(upper.data, column, p);
            for (int k = 0; k < p; k++) {
                w.data[k * q + j] = column[k];
            }
        }
        return w;
    }
}
