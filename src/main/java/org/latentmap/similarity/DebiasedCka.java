package org.latentmap.similarity;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.latentmap.linalg.CodeMatrix;
import org.latentmap.linalg.CodeProducts;

/**
 * Debiased linear CKA (issue 32): centred kernel alignment with the unbiased estimator of HSIC (Song et al., JMLR
 * 2012), as Kornblith et al. (2019) and Nguyen et al. (2021) use it. The biased estimator of {@link LinearCka} is far
 * above 0 for unrelated spaces when there are few points for their size (MONAI measured 0.20 at 32 points, 0.03 at
 * 256); this one is near 0 for them at any size, and 1 for spaces equal up to a rotation and an overall scale. It
 * needs at least 4 points and may be slightly negative.
 */
public final class DebiasedCka implements PairedMeasure {
    /** The measure. */
    public static final DebiasedCka LINEAR = new DebiasedCka();

    private DebiasedCka() {}

    @Override
    public String name() {
        return "debiased linear CKA";
    }

    @Override
    public Prepared prepare(CodeMatrix x, CodeMatrix y) {
        PairedMeasure.checkPaired(x, y, 4, name());
        double[] k = unbiasedCentred(gram(x));
        double[] l = unbiasedCentred(gram(y));
        int n = x.size();
        double kk = dot(k, k);
        double ll = dot(l, l);
        if (kk <= 0 || ll <= 0) {
            throw new IllegalArgumentException(name() + " of a space whose codes are all equal is undefined");
        }
        double norm = Math.sqrt(kk * ll);
        return pairing -> {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                int row = pairing[i] * n;
                for (int j = 0; j < n; j++) {
                    sum += k[i * n + j] * l[row + pairing[j]];
                }
            }
            return sum / norm;
        };
    }

    /**
     * The unbiased HSIC of two kernel matrices (n x n, symmetric, row-major), n >= 4: (1 / (n (n - 3))) [tr(K~ L~) +
     * (1'K~1)(1'L~1) / ((n - 1)(n - 2)) - 2 / (n - 2) 1'K~L~1], with K~, L~ the kernels with their diagonals set to 0.
     */
    static double unbiasedHsic(double[] k, double[] l, int n) {
        return dot(unbiasedCentred(k.clone(), n), unbiasedCentred(l.clone(), n)) / ((double) n * (n - 3));
    }

    /** The codes' linear kernel X X' (n x n), the codes' columns centred first, by EJML and the engine. */
    private static double[] gram(CodeMatrix codes) {
        DMatrixRMaj x = CodeProducts.matrix(codes, false);
        DMatrixRMaj means = CommonOps_DDRM.sumCols(x, null);
        CommonOps_DDRM.divide(means, codes.size());
        for (int i = 0; i < x.numRows; i++) {
            for (int c = 0; c < x.numCols; c++) {
                x.data[i * x.numCols + c] -= means.data[c];
            }
        }
        return CodeProducts.times(x, CommonOps_DDRM.transpose(x, null)).data;
    }

    private static double[] unbiasedCentred(double[] gram) {
        return unbiasedCentred(gram, (int) Math.round(Math.sqrt(gram.length)));
    }

    /**
     * The kernel centred so that its inner product with another so centred is n (n - 3) times their unbiased HSIC:
     * diagonal set to 0, then each row and column less its sum over n - 2, plus the total over 2 (n - 1)(n - 2),
     * diagonal 0 again. In place.
     */
    private static double[] unbiasedCentred(double[] k, int n) {
        for (int i = 0; i < n; i++) {
            k[i * n + i] = 0;
        }
        double[] means = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += k[i * n + j];
            }
            means[i] = sum / (n - 2);
            total += sum;
        }
        double shift = total / (2.0 * (n - 1) * (n - 2));
        for (int i = 0; i < n; i++) {
            means[i] -= shift;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                k[i * n + j] = i == j ? 0 : k[i * n + j] - means[i] - means[j];
            }
        }
        return k;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
