package org.latentmap.relocation;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.mult.MatrixMatrixMult_DDRM;
import org.latentmap.linalg.CodeMatrix;
import org.latentmap.linalg.CodeProducts;
import org.latentmap.store.PackedValues;

/**
 * A linear (or affine) map between two latent spaces, z2 = z1 W (+ b), the relocation of paper Sect. 6: W
 * has one row per source variable and one column per target variable. Fitted by a {@link MapFit}. A ridge map with
 * more source variables than fit points and more than {@link #FORMED_UP_TO} weights (two pixel-sized codes of colour
 * images: 12,288 x 12,288 at 64x64, 1.2 GB) keeps W as the factors its dual form gives, W = X^T A (X the n fit
 * points' source codes, A n x q), and maps codes as (z1 X^T) A: n (p + q) numbers instead of p q.
 */
public final class LinearMap implements StorableMap {
    /** This kind's number in stored maps ({@link #write}). */
    public static final int STORED_KIND = 1;
    /** The most weights a fitted map forms; bigger ones keep their factors (32 MB as doubles). */
    public static final long FORMED_UP_TO = 1L << 22;

    private final double[][] weights;
    private final double[] bias;
    private final String fit;
    /** X (n x p) and A (n x q) when W = X^T A is kept as its factors; null otherwise. */
    private final DMatrixRMaj dualSource;

    private final DMatrixRMaj dualCoefficients;

    LinearMap(double[][] weights, double[] bias, String fit) {
        this.weights = weights;
        this.bias = bias;
        this.fit = fit;
        this.dualSource = null;
        this.dualCoefficients = null;
    }

    private LinearMap(DMatrixRMaj dualSource, DMatrixRMaj dualCoefficients, double[] bias, String fit) {
        this.weights = null;
        this.bias = bias;
        this.fit = fit;
        this.dualSource = dualSource;
        this.dualCoefficients = dualCoefficients;
    }

    /** The map W = X^T A kept as its factors, {@code source} X (n x p) and {@code coefficients} A (n x q). */
    static LinearMap factored(DMatrixRMaj source, DMatrixRMaj coefficients, double[] bias, String fit) {
        if (source.numRows != coefficients.numRows) {
            throw new IllegalArgumentException("factors of " + source.numRows + " and " + coefficients.numRows
                    + " rows: both have one row per fit point");
        }
        return new LinearMap(source, coefficients, bias, fit);
    }

    /** Whether W is kept as its dual factors (see the class comment). */
    public boolean isFactored() {
        return weights == null;
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
        return weights != null ? weights.length : dualSource.numCols;
    }

    public int targetSize() {
        return weights != null ? weights[0].length : dualCoefficients.numCols;
    }

    public boolean hasBias() {
        return bias != null;
    }

    /** How the map was fitted, such as "least squares". */
    public String fit() {
        return fit;
    }

    /** W, one row per source variable (a copy; formed from the factors of a factored map, p x q numbers). */
    public double[][] weights() {
        return weights != null
                ? copy(weights)
                : CodeProducts.rows(CommonOps_DDRM.multTransA(dualSource, dualCoefficients, null));
    }

    /** The bias, zeros when the map has none. */
    public double[] bias() {
        return bias == null ? new double[targetSize()] : bias.clone();
    }

    /** Maps each row of {@code codes} (source codes) to the target space. */
    @Override
    public CodeMatrix apply(CodeMatrix codes) {
        int p = sourceSize();
        int q = targetSize();
        if (codes.width() != p) {
            throw new IllegalArgumentException("codes of size " + codes.width() + " for a map from a space of size " + p
                    + " (to " + q + "): map codes of the model the map was fitted on");
        }
        // z = b + x W row by row, summed over the source variables in order (EJML's reordered product, which adds
        // x_k W_k to the row for k = 0, 1, ...: the same sums as a loop over k)
        DMatrixRMaj z = new DMatrixRMaj(codes.size(), q);
        if (bias != null) {
            for (int i = 0; i < codes.size(); i++) {
                System.arraycopy(bias, 0, z.data, i * q, q);
            }
        }
        if (weights == null) {
            DMatrixRMaj kernel = CommonOps_DDRM.multTransB(CodeProducts.matrix(codes, false), dualSource, null);
            MatrixMatrixMult_DDRM.multAdd_reorder(kernel, dualCoefficients, z);
        } else {
            DMatrixRMaj w = new DMatrixRMaj(p, q);
            for (int k = 0; k < p; k++) {
                System.arraycopy(weights[k], 0, w.data, k * q, q);
            }
            MatrixMatrixMult_DDRM.multAdd_reorder(CodeProducts.matrix(codes, false), w, z);
        }
        float[] out = new float[codes.size() * q];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) z.data[i];
        }
        return CodeMatrix.of(out, q);
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
        return "LinearMap[" + sourceSize() + " -> " + targetSize() + (bias != null ? ", with bias" : "")
                + (isFactored() ? ", as X^T A of " + dualSource.numRows + " points" : "") + ", " + fit + "]";
    }

    /** Writes {@value #STORED_KIND}, then {@link #writeNumbers}. */
    @Override
    public void write(PackedValues packed) {
        writeNumbers(packed.add(STORED_KIND));
    }

    /** The sizes, the weights row by row, and the bias (empty: none). */
    void writeNumbers(PackedValues packed) {
        int q = targetSize();
        double[][] rows = weights != null ? weights : weights();
        double[] flat = new double[rows.length * q];
        for (int k = 0; k < rows.length; k++) {
            System.arraycopy(rows[k], 0, flat, k * q, q);
        }
        packed.add(sourceSize(), q).add(flat).add(hasBias() ? bias() : new double[0]);
    }

    /** The map {@link #write} wrote (after its kind), with {@code fit} its name. */
    static LinearMap read(PackedValues.Reader packed, String fit) {
        return readNumbers(packed, fit);
    }

    /** What {@link #writeNumbers} wrote. */
    static LinearMap readNumbers(PackedValues.Reader packed, String fit) {
        double[] sizes = packed.doubles();
        int p = (int) sizes[0];
        int q = (int) sizes[1];
        double[] flat = packed.doubles();
        double[] bias = packed.doubles();
        if (flat.length != p * q || (bias.length != 0 && bias.length != q)) {
            throw new IllegalArgumentException("a stored linear map of " + flat.length + " weights and " + bias.length
                    + " biases for sizes " + p + " x " + q);
        }
        double[][] rows = new double[p][];
        for (int k = 0; k < p; k++) {
            rows[k] = java.util.Arrays.copyOfRange(flat, k * q, (k + 1) * q);
        }
        return new LinearMap(rows, bias.length == 0 ? null : bias, fit);
    }
}
