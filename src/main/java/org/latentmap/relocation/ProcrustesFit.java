package org.latentmap.relocation;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.latentmap.linalg.CodeMatrix;
import org.latentmap.linalg.CodeProducts;
import org.latentmap.linalg.Standardisation;

/**
 * Orthogonal Procrustes between two latent spaces: each space standardised (every variable to mean 0 and
 * standard deviation 1 on the fit points), the smaller one zero-padded to the larger's size, then the
 * rotation R minimising ||X R - Y|| (R = U V' from the SVD of X'Y, by EJML). The map is the most rigid one: it can
 * turn and reflect a standardised space, not stretch it. As a {@link LinearMap} it carries the
 * standardisations, so it has a bias.
 */
final class ProcrustesFit extends MapFit {
    /**
     * Singular values below this share of the largest count as zero (the eigen-decomposition of M'M this
     * replaces cut its eigenvalues, the squares, at 1e-10).
     */
    private static final double RANK_TOLERANCE = 1e-5;

    ProcrustesFit() {
        super("orthogonal Procrustes (standardised)", "procrustes v1 (one SVD, rank " + RANK_TOLERANCE + ")");
    }

    @Override
    LinearMap fitChecked(CodeMatrix source, CodeMatrix target) {
        int n = source.size();
        if (n < 2) {
            throw new IllegalArgumentException("standardising needs at least 2 pairs of codes; got " + n);
        }
        int p = source.width();
        int q = target.width();
        Standardisation from = Standardisation.of(source);
        Standardisation to = Standardisation.of(target);
        double[] m1 = from.mean();
        double[] m2 = to.mean();
        double[] s1 = from.sd();
        double[] s2 = to.sd();
        // M = X'Y of the standardised codes (p x q): the top-left block of the zero-padded square problem
        DMatrixRMaj x = new DMatrixRMaj(n, p);
        DMatrixRMaj y = new DMatrixRMaj(n, q);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < p; k++) {
                x.unsafe_set(i, k, from.apply(source.get(i, k), k));
            }
            for (int j = 0; j < q; j++) {
                y.unsafe_set(i, j, to.apply(target.get(i, j), j));
            }
        }
        DMatrixRMaj m = CodeProducts.transposeTimes(x, y);
        // the block of the padded problem's rotation that acts is U V' from the thin SVD M = U S V' (the polar
        // factor of M), keeping the singular directions above the rank tolerance (the padded variables have none)
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(p, q, true, true, true);
        if (!svd.decompose(m)) {
            throw new IllegalArgumentException(
                    "the SVD of the standardised codes' cross products did not converge: are the codes finite?");
        }
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj v = svd.getV(null, false);
        double[] singular = svd.getSingularValues();
        double largest = 0;
        for (double value : singular) {
            largest = Math.max(largest, value);
        }
        DMatrixRMaj rotation = new DMatrixRMaj(p, q);
        for (int e = 0; e < svd.numberOfSingularValues(); e++) {
            if (!(singular[e] > RANK_TOLERANCE * largest)) {
                continue;
            }
            for (int k = 0; k < p; k++) {
                double uk = u.get(k, e);
                for (int j = 0; j < q; j++) {
                    rotation.add(k, j, uk * v.get(j, e));
                }
            }
        }
        double[][] weights = new double[p][q];
        double[] bias = m2.clone();
        for (int k = 0; k < p; k++) {
            for (int j = 0; j < q; j++) {
                weights[k][j] = rotation.get(k, j) * s2[j] / s1[k];
            }
        }
        for (int j = 0; j < q; j++) {
            for (int k = 0; k < p; k++) {
                bias[j] -= m1[k] * weights[k][j];
            }
        }
        return new LinearMap(weights, bias, name());
    }
}
