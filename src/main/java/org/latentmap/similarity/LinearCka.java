package org.latentmap.similarity;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.NormOps_DDRM;
import org.latentmap.linalg.CodeMatrix;
import org.latentmap.linalg.CodeProducts;

/**
 * Linear centred kernel alignment (Kornblith et al., 2019) between two representations of the same points,
 * X (n x p) and Y (n x q), columns centred: ||Y'X||_F^2 / (||X'X||_F ||Y'Y||_F). It is 1 for spaces equal
 * up to a rotation and an overall scale; the two spaces may differ in size. This biased estimator is far above 0
 * for unrelated spaces with few points for their size ({@link DebiasedCka}). Products by EJML and the engine.
 */
public final class LinearCka {
    private LinearCka() {}

    /** The CKA of two sets of codes of the same points, row i of both being point i. */
    public static double of(CodeMatrix x, CodeMatrix y) {
        if (x.size() != y.size()) {
            throw new IllegalArgumentException(
                    x.size() + " codes against " + y.size() + ": CKA compares codes of the same points");
        }
        if (x.size() < 2) {
            throw new IllegalArgumentException("CKA needs at least 2 points; got " + x.size());
        }
        DMatrixRMaj a = CodeProducts.centred(x);
        DMatrixRMaj b = CodeProducts.centred(y);
        double cross = NormOps_DDRM.normF(CodeProducts.transposeTimes(a, b));
        double xx = NormOps_DDRM.normF(CodeProducts.transposeTimes(a, a));
        double yy = NormOps_DDRM.normF(CodeProducts.transposeTimes(b, b));
        if (xx == 0 || yy == 0) {
            throw new IllegalArgumentException("CKA of a space whose codes are all equal is undefined");
        }
        return cross * cross / (xx * yy);
    }
}
