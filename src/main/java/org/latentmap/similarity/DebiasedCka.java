package org.latentmap.similarity;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.latentmap.linalg.CodeMatrix;
import org.latentmap.linalg.CodeProducts;

/**
 * Debiased linear CKA (issue 32): centred kernel alignment with the unbiased estimator of HSIC (Song et al., JMLR
 * 2012), as Kornblith et al. (2019) and Nguyen et al. (2021) use it. The biased estimator of {@link LinearCka} is far
 * above 0 for unrelated spaces when there are few points for their size (MONAI measured 0.20 at 32 points, 0.03 at
 * 256); this one is near 0 for them at any size, and 1 for spaces equal up to a rotation and an overall scale. It
 * needs at least 4 points and may be slightly negative. With the linear kernel X X' of the centred codes, or an RBF
 * kernel exp(-d^2 / (2 t^2 m)) of their squared distances d^2, m being the median squared distance between distinct
 * points and t a threshold (Kornblith et al.'s choice of bandwidth; t = 1 by default): both are 1 for a rotated,
 * shifted and scaled copy.
 */
public final class DebiasedCka implements PairedMeasure {
    /** Debiased CKA with the linear kernel. */
    public static final DebiasedCka LINEAR = new DebiasedCka(0);
    /** Debiased CKA with the RBF kernel, its bandwidth the median distance. */
    public static final DebiasedCka RBF = rbf(1);

    /** The RBF kernel's threshold t, or 0 for the linear kernel. */
    private final double threshold;

    private DebiasedCka(double threshold) {
        this.threshold = threshold;
    }

    /** Debiased CKA with the RBF kernel of bandwidth {@code threshold} times the median distance. */
    public static DebiasedCka rbf(double threshold) {
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("the RBF kernel's threshold is a positive number, got " + threshold);
        }
        return new DebiasedCka(threshold);
    }

    @Override
    public String name() {
        return threshold == 0
                ? "debiased linear CKA"
                : threshold == 1 ? "debiased RBF CKA" : "debiased RBF CKA (t = " + threshold + ")";
    }

    /** A space's kernel, unbiased-centred, and its norm. */
    private record Kernel(double[] centred, double norm, int size) implements Space {}

    @Override
    public Space space(CodeMatrix codes) {
        if (codes.size() < 4) {
            throw new IllegalArgumentException(name() + " needs at least 4 points; got " + codes.size());
        }
        double[] k = unbiasedCentred(kernel(codes));
        double norm = Math.sqrt(dot(k, k));
        if (!(norm > 0)) {
            throw new IllegalArgumentException(name() + " of a space whose codes are all equal is undefined");
        }
        return new Kernel(k, norm, codes.size());
    }

    @Override
    public Prepared pair(Space x, Space y) {
        double[] k = PairedMeasure.paired(x, y, Kernel.class, name()).centred();
        double[] l = ((Kernel) y).centred();
        double norm = ((Kernel) x).norm() * ((Kernel) y).norm();
        int n = x.size();
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

    private double[] kernel(CodeMatrix codes) {
        double[] gram = gram(codes);
        return threshold == 0 ? gram : rbf(gram, codes.size(), threshold);
    }

    /** exp(-d^2 / (2 t^2 m)) from the Gram matrix: d^2 = g_ii + g_jj - 2 g_ij, m their median over i != j. */
    private static double[] rbf(double[] gram, int n, double threshold) {
        double[] squared = new double[n * n];
        double[] offDiagonal = new double[n * (n - 1)];
        int at = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double d = Math.max(0, gram[i * n + i] + gram[j * n + j] - 2 * gram[i * n + j]);
                squared[i * n + j] = i == j ? 0 : d;
                if (i != j) {
                    offDiagonal[at++] = d;
                }
            }
        }
        Arrays.sort(offDiagonal);
        int half = offDiagonal.length / 2;
        double median =
                offDiagonal.length % 2 == 1 ? offDiagonal[half] : (offDiagonal[half - 1] + offDiagonal[half]) / 2;
        if (median <= 0) {
            throw new IllegalArgumentException("RBF CKA of codes whose median distance is 0 is undefined");
        }
        double scale = 2 * threshold * threshold * median;
        for (int i = 0; i < squared.length; i++) {
            squared[i] = Math.exp(-squared[i] / scale);
        }
        return squared;
    }

    /** The codes' linear kernel X X' (n x n), the codes' columns centred first, by EJML and the engine. */
    static double[] gram(CodeMatrix codes) {
        DMatrixRMaj x = CodeProducts.centred(codes);
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
