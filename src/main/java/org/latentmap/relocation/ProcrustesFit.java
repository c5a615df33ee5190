package org.latentmap.relocation;

/**
 * Orthogonal Procrustes between two latent spaces: each space standardised (every variable to mean 0 and
 * standard deviation 1 on the fit points), the smaller one zero-padded to the larger's size, then the
 * rotation R minimising ||X R - Y|| (R = U V' from the SVD of X'Y). The map is the most rigid one: it can
 * turn and reflect a standardised space, not stretch it. As a {@link LinearMap} it carries the
 * standardisations, so it has a bias.
 */
final class ProcrustesFit extends MapFit {
    /** Singular values below this share of the largest count as zero. */
    private static final double RANK_TOLERANCE = 1e-10;

    ProcrustesFit() {
        super("orthogonal Procrustes (standardised)");
    }

    @Override
    LinearMap fitChecked(float[][] source, float[][] target) {
        int n = source.length;
        if (n < 2) {
            throw new IllegalArgumentException("standardising needs at least 2 pairs of codes; got " + n);
        }
        int p = source[0].length;
        int q = target[0].length;
        Standardisation from = Standardisation.of(source);
        Standardisation to = Standardisation.of(target);
        double[] m1 = from.mean;
        double[] m2 = to.mean;
        double[] s1 = from.sd;
        double[] s2 = to.sd;
        // M = X'Y of the standardised codes (p x q): the top-left block of the zero-padded square problem
        double[][] m = new double[p][q];
        double[] x = new double[p];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < p; k++) {
                x[k] = (source[i][k] - m1[k]) / s1[k];
            }
            for (int j = 0; j < q; j++) {
                double y = (target[i][j] - m2[j]) / s2[j];
                for (int k = 0; k < p; k++) {
                    m[k][j] += x[k] * y;
                }
            }
        }
        // the block of the padded problem's rotation that acts is the polar factor M (M'M)^(-1/2), pseudo-inverse
        // on M'M's null space (the padded variables)
        double[][] mtm = new double[q][q];
        for (int a = 0; a < q; a++) {
            for (int b = a; b < q; b++) {
                double sum = 0;
                for (int k = 0; k < p; k++) {
                    sum += m[k][a] * m[k][b];
                }
                mtm[a][b] = sum;
                mtm[b][a] = sum;
            }
        }
        SymmetricEigen eigen = SymmetricEigen.of(mtm);
        double largest = 0;
        for (double value : eigen.values) {
            largest = Math.max(largest, value);
        }
        // inverse root of M'M: V diag(1 / sqrt(lambda)) V'
        double[][] inverseRoot = new double[q][q];
        for (int e = 0; e < q; e++) {
            double lambda = eigen.values[e];
            if (!(lambda > RANK_TOLERANCE * largest)) {
                continue;
            }
            double factor = 1 / Math.sqrt(lambda);
            for (int a = 0; a < q; a++) {
                double va = eigen.vectors[a][e] * factor;
                for (int b = 0; b < q; b++) {
                    inverseRoot[a][b] += va * eigen.vectors[b][e];
                }
            }
        }
        double[][] weights = new double[p][q];
        double[] bias = m2.clone();
        for (int k = 0; k < p; k++) {
            for (int j = 0; j < q; j++) {
                double r = 0;
                for (int b = 0; b < q; b++) {
                    r += m[k][b] * inverseRoot[b][j];
                }
                weights[k][j] = r * s2[j] / s1[k];
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
