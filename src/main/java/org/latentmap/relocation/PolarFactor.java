package org.latentmap.relocation;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The orthogonal factor of a matrix M = U S V' (EJML's thin SVD): U V', keeping only the singular directions above
 * {@value #RANK_TOLERANCE} of the largest, so that for a p x q matrix it has orthonormal rows (p <= q) or columns
 * (p >= q) on M's rank. Zero padding M to a square changes nothing: the padded rows and columns have no singular
 * directions.
 */
final class PolarFactor {
    /**
     * Singular values below this share of the largest count as zero (the eigen-decomposition of M'M this replaced
     * cut its eigenvalues, the squares, at 1e-10).
     */
    static final double RANK_TOLERANCE = 1e-5;

    private PolarFactor() {}

    /** U V' of {@code m}, on its singular values above the tolerance. */
    static DMatrixRMaj of(DMatrixRMaj m) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(m.numRows, m.numCols, true, true, true);
        if (!svd.decompose(m.copy())) {
            throw new IllegalArgumentException("the SVD of a " + m.numRows + " x " + m.numCols
                    + " matrix of the codes did not converge: are the codes finite?");
        }
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj v = svd.getV(null, false);
        double[] singular = svd.getSingularValues();
        double largest = 0;
        for (int e = 0; e < svd.numberOfSingularValues(); e++) {
            largest = Math.max(largest, singular[e]);
        }
        for (int e = 0; e < svd.numberOfSingularValues(); e++) {
            if (!(singular[e] > RANK_TOLERANCE * largest)) {
                for (int k = 0; k < u.numRows; k++) {
                    u.set(k, e, 0);
                }
            }
        }
        return CommonOps_DDRM.multTransB(u, v, null);
    }
}
