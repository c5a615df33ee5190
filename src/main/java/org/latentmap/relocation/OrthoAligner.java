package org.latentmap.relocation;

import org.ejml.data.DMatrixRMaj;
import org.latentmap.linalg.CodeProducts;

/**
 * Orthogonal Procrustes, Maiorca et al.'s "ortho": the W with orthonormal rows or columns minimising ||X W - Y||,
 * the {@link PolarFactor} of X'Y. Between spaces of one size it is the best rotation (or reflection); it can turn a
 * space, never stretch it.
 */
final class OrthoAligner implements Aligner {
    @Override
    public String name() {
        return "ortho";
    }

    @Override
    public String recipe() {
        return "ortho v1 (polar factor of X'Y, EJML SVD, rank " + PolarFactor.RANK_TOLERANCE + ")";
    }

    @Override
    public Alignment align(DMatrixRMaj source, DMatrixRMaj target, int sourceVariables) {
        return Alignment.of(PolarFactor.of(CodeProducts.transposeTimes(source, target)));
    }
}
