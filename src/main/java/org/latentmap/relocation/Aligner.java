package org.latentmap.relocation;

import org.ejml.data.DMatrixRMaj;

/**
 * The part of a {@link MapFit} that finds the map between two spaces once its {@link PreStep}s have prepared them:
 * y = x W (+ b) for rows x of the prepared source and y of the prepared target. The aligners are the fits this
 * project and the literature use: least squares and ridge (paper Sect. 6 and this project's default), the authors'
 * dense layer, and the classes of Maiorca et al. (NeurIPS 2023): affine by gradient descent, linear (least squares),
 * l-ortho (the orthogonal factor of the least-squares map) and ortho (Procrustes, the best rotation).
 */
public interface Aligner {
    /** The aligner's name in tables, such as "least squares". */
    String name();

    /**
     * Everything that decides the alignment besides the codes (method, settings, seeds, a version that changes with
     * the computation), part of a stored map's key.
     */
    String recipe();

    /**
     * W (and b) taking the rows of {@code source} to those of {@code target}, row i of both one image. The source's
     * columns from {@code sourceVariables} on are zero padding ({@link PreStep#ZERO_PADDING}): an aligner may leave
     * them out of its solution (their rows of W are then 0).
     */
    Alignment align(DMatrixRMaj source, DMatrixRMaj target, int sourceVariables);

    /** Least squares without bias, min ||X W - Y||^2 (closed form). */
    static Aligner leastSquares() {
        return new LeastSquaresAligner("least squares", false, 0);
    }

    /** Least squares with a bias (closed form). */
    static Aligner leastSquaresWithBias() {
        return new LeastSquaresAligner("affine least squares", true, 0);
    }

    /** Ridge without bias, min ||X W - Y||^2 + lambda ||W||^2 (closed form). */
    static Aligner ridge(double lambda) {
        return LeastSquaresAligner.ridge(lambda);
    }

    /** Ridge, its penalty chosen by leave-one-out validation on the fit points. */
    static Aligner validatedRidge() {
        return ValidatedRidgeAligner.leaveOneOut();
    }

    /** Ridge, its penalty chosen by 5-fold validation on the fit points. */
    static Aligner kFoldRidge() {
        return ValidatedRidgeAligner.kFold();
    }

    /**
     * Maiorca et al.'s "ortho": orthogonal Procrustes, the W with orthonormal rows or columns minimising
     * ||X W - Y|| (W = U V' from the SVD of X'Y).
     */
    static Aligner ortho() {
        return new OrthoAligner();
    }

    /**
     * Maiorca et al.'s "l-ortho": the least-squares map replaced by its orthogonal factor (U V' from its own SVD).
     */
    static Aligner lOrtho() {
        return new LeastSquaresOrthoAligner();
    }

    /**
     * Maiorca et al.'s "affine": a dense layer with a bias trained by Adam on the mean squared error, full batch,
     * from PyTorch's default start for a linear layer, with latentis' settings ({@value
     * DenseLayerAligner#AFFINE_STEPS} steps at {@value DenseLayerAligner#AFFINE_RATE}).
     */
    static Aligner affineByDescent() {
        return DenseLayerAligner.affine(DenseLayerAligner.AFFINE_STEPS, DenseLayerAligner.AFFINE_RATE, 1);
    }

    /** {@link #affineByDescent()} with other settings. */
    static Aligner affineByDescent(int steps, double learningRate, long seed) {
        return DenseLayerAligner.affine(steps, learningRate, seed);
    }
}
