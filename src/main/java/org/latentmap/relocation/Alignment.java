package org.latentmap.relocation;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * What an {@link Aligner} found: W (source columns x target columns of the prepared spaces), the bias (null when it
 * has none) and, where the aligner chose something on the way (a validated penalty), a name saying so (null: the
 * fit's name). A ridge fit in its dual form may keep W as its factors instead, W = X^T A (X the n x p source codes, A
 * n x q), when W itself would be too big to form ({@link LinearMap#FORMED_UP_TO}); {@link #weights()} forms it if
 * asked.
 */
public record Alignment(
        DMatrixRMaj weights, double[] bias, String name, DMatrixRMaj dualSource, DMatrixRMaj dualCoefficients) {
    /** W, a bias and a name. */
    public Alignment(DMatrixRMaj weights, double[] bias, String name) {
        this(weights, bias, name, null, null);
    }

    /** W alone. */
    public static Alignment of(DMatrixRMaj weights) {
        return new Alignment(weights, null, null);
    }

    /** W = X^T A kept as its factors: {@code source} X (n x p) and {@code coefficients} A (n x q), no bias. */
    static Alignment dual(DMatrixRMaj source, DMatrixRMaj coefficients) {
        return new Alignment(null, null, null, source, coefficients);
    }

    /** Whether W is kept as its factors. */
    public boolean isFactored() {
        return weights == null;
    }

    /** W (p x q), formed from its factors when it is kept as them. */
    @Override
    public DMatrixRMaj weights() {
        return weights != null ? weights : CommonOps_DDRM.multTransA(dualSource, dualCoefficients, null);
    }

    /** The same alignment under another name. */
    public Alignment named(String newName) {
        return new Alignment(weights, bias, newName, dualSource, dualCoefficients);
    }
}
