package org.latentmap.relocation;

import org.ejml.data.DMatrixRMaj;

/**
 * Maiorca et al.'s "l-ortho": the least-squares map W replaced by its orthogonal factor ({@link PolarFactor}), the
 * rotation nearest to W. Where ortho finds the best rotation directly, l-ortho keeps the directions least squares
 * found and drops its stretching.
 */
final class LeastSquaresOrthoAligner implements Aligner {
    private final Aligner leastSquares = Aligner.leastSquares();

    @Override
    public String name() {
        return "l-ortho";
    }

    @Override
    public String recipe() {
        return "l-ortho v1 (polar factor of " + leastSquares.recipe() + ", EJML SVD, rank " + PolarFactor.RANK_TOLERANCE
                + ")";
    }

    @Override
    public Alignment align(DMatrixRMaj source, DMatrixRMaj target, int sourceVariables) {
        DMatrixRMaj w = leastSquares.align(source, target, sourceVariables).weights();
        return Alignment.of(PolarFactor.of(w));
    }
}
