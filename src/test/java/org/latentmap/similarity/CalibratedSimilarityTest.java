package org.latentmap.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.junit.jupiter.api.Test;
import org.latentmap.linalg.CodeMatrix;

/** Debiased CKA, mutual neighbours as paired measures, and their permutation null (issue 32, item 2). */
class CalibratedSimilarityTest {
    @Test
    void theUnbiasedHsicIsTheUStatisticOverDistinctQuadruples() {
        int n = 7;
        Random random = new Random(3);
        double[] k = symmetric(n, random);
        double[] l = symmetric(n, random);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int q = 0; q < n; q++) {
                    for (int r = 0; r < n; r++) {
                        if (i == j || i == q || i == r || j == q || j == r || q == r) {
                            continue;
                        }
                        sum += k[i * n + j] * l[i * n + j]
                                + k[i * n + j] * l[q * n + r]
                                - 2 * k[i * n + j] * l[i * n + q];
                    }
                }
            }
        }
        double uStatistic = sum / (n * (n - 1) * (n - 2) * (n - 3));
        assertEquals(uStatistic, DebiasedCka.unbiasedHsic(k, l, n), 1e-12);
    }

    /**
     * Independent Gaussian codes of the zoo's sizes (64 and 150 variables), 20 draws at each size: the debiased
     * estimator is near 0 on average at 32 points as at 256 (single draws spread about it: at 32 points one draw gave
     * 0.096), the biased one far above it at 32 points.
     */
    @Test
    void unrelatedGaussianCodesScoreNearZeroDebiasedAndFarAboveItBiased() {
        for (int n : new int[] {32, 256}) {
            double debiased = 0;
            double biased = 0;
            int draws = 20;
            for (int d = 0; d < draws; d++) {
                CodeMatrix x = gaussian(n, 64, 2 * d + 1);
                CodeMatrix y = gaussian(n, 150, 2 * d + 2);
                debiased += DebiasedCka.LINEAR.of(x, y) / draws;
                biased += LinearCka.of(x, y) / draws;
            }
            System.out.printf(
                    "independent codes, %d points: debiased CKA %.4f, biased %.4f (mean of 20)%n", n, debiased, biased);
            assertTrue(Math.abs(debiased) < 0.02, n + " points: debiased " + debiased);
            if (n == 32) {
                assertTrue(biased > 0.5, "32 points of 64 and 150 variables: biased " + biased);
            }
            assertTrue(biased > debiased + 0.1, n + " points: biased " + biased + ", debiased " + debiased);
        }
    }

    @Test
    void aRotatedScaledShiftedCopyScoresOneAndBeatsEveryShuffle() {
        CodeMatrix x = gaussian(60, 8, 5);
        CodeMatrix y = rotated(x, 6, 3.0, 0.5);
        assertEquals(1.0, DebiasedCka.LINEAR.of(x, y), 1e-9);
        assertEquals(1.0, LinearCka.of(x, y), 1e-6);
        assertEquals(1.0, MutualNeighbours.k(MutualNeighbours.PLATONIC_K).of(x, y), 1e-12);
        for (PairedMeasure measure : new PairedMeasure[] {DebiasedCka.LINEAR, MutualNeighbours.k(5)}) {
            CalibratedScore score = PermutationNull.of(measure, x, y, 99, 7);
            assertEquals(0.01, score.pValue(), 1e-12, score.toString());
            assertTrue(score.calibrated() > 0.99, score.toString());
            assertTrue(Math.abs(score.nullMean()) < 0.2, score.toString());
        }
    }

    /** Under the null, p-values are uniform: about 5% of 40 unrelated pairs below 0.05, and chance calibrates to 0. */
    @Test
    void unrelatedCodesAreRarelySignificantAndCalibrateToAboutZero() {
        for (PairedMeasure measure : new PairedMeasure[] {DebiasedCka.LINEAR, MutualNeighbours.k(10)}) {
            int significant = 0;
            double calibrated = 0;
            double nullMean = 0;
            int pairs = 40;
            for (int d = 0; d < pairs; d++) {
                CalibratedScore score = PermutationNull.of(
                        measure, gaussian(64, 16, 100 + 2 * d), gaussian(64, 16, 101 + 2 * d), 200, d);
                significant += score.pValue() < 0.05 ? 1 : 0;
                calibrated += score.calibrated() / pairs;
                nullMean += score.nullMean() / pairs;
            }
            System.out.printf(
                    "%s on 40 unrelated pairs: %d with p < 0.05, mean calibrated %.4f, null mean %.4f%n",
                    measure.name(), significant, calibrated, nullMean);
            assertTrue(significant <= 6, measure.name() + ": " + significant + " of 40 significant");
            assertTrue(Math.abs(calibrated) < 0.03, measure.name() + ": mean calibrated " + calibrated);
            if (measure instanceof MutualNeighbours) {
                assertEquals(10.0 / 63, nullMean, 0.01, "about k / (n - 1) by chance");
            }
        }
    }

    /** Every measure, scored under a shuffled pairing, equals the measure of the second space's rows shuffled so. */
    @Test
    void aShuffledPairingIsTheSameAsShuffledCodes() {
        CodeMatrix x = gaussian(30, 6, 21);
        CodeMatrix y = gaussian(30, 9, 22);
        int[] pairing = PermutationNull.shuffled(30, new java.util.SplittableRandom(4));
        for (PairedMeasure measure : measures()) {
            assertEquals(measure.of(x, y.rows(pairing)), measure.prepare(x, y).score(pairing), 1e-9, measure.name());
        }
    }

    @Test
    void everyMeasureScoresOneForARotatedScaledShiftedCopyAndAboutZeroForUnrelatedCodes() {
        CodeMatrix x = gaussian(60, 8, 5);
        CodeMatrix y = rotated(x, 6, 3.0, 0.5);
        for (PairedMeasure measure : measures()) {
            assertEquals(1.0, measure.of(x, y), 1e-6, measure.name());
            double unrelated = 0;
            double raw = 0;
            for (int d = 0; d < 20; d++) {
                CalibratedScore score = PermutationNull.of(
                        measure, gaussian(64, 16, 300 + 2 * d), gaussian(64, 16, 301 + 2 * d), 50, d);
                unrelated += score.calibrated() / 20;
                raw += score.score() / 20;
            }
            System.out.printf(
                    "%s on unrelated codes (64 points, 16 variables, mean of 20): raw %.4f, calibrated %.4f%n",
                    measure.name(), raw, unrelated);
            assertTrue(Math.abs(unrelated) < 0.03, measure.name() + ": " + unrelated);
        }
    }

    /** Spaces prepared once serve every pair, as 08's 105 pairs of 15 models need; another measure's are refused. */
    @Test
    void spacesPreparedOnceServeEveryPair() {
        CodeMatrix x = gaussian(30, 6, 31);
        CodeMatrix y = gaussian(30, 9, 32);
        CodeMatrix z = gaussian(30, 4, 33);
        for (PairedMeasure measure : measures()) {
            PairedMeasure.Space sy = measure.space(y);
            assertEquals(
                    measure.of(x, y), measure.pair(measure.space(x), sy).score(PermutationNull.identity(30)), 1e-12);
            assertEquals(
                    measure.of(z, y), measure.pair(measure.space(z), sy).score(PermutationNull.identity(30)), 1e-12);
            assertEquals(
                    PermutationNull.of(measure, x, y, 20, 5),
                    PermutationNull.of(measure, measure.space(x), sy, 20, 5),
                    measure.name());
        }
        var other = assertThrows(
                IllegalArgumentException.class,
                () -> DebiasedCka.LINEAR.pair(DebiasedCka.LINEAR.space(x), Svcca.STANDARD.space(y)));
        assertEquals("spaces prepared by another measure than debiased linear CKA", other.getMessage());
    }

    private static List<PairedMeasure> measures() {
        return List.of(DebiasedCka.LINEAR, DebiasedCka.RBF, Cknna.k(5), MutualNeighbours.k(5), Svcca.STANDARD);
    }

    @Test
    void theSameSeedGivesTheSameNull() {
        CodeMatrix x = gaussian(40, 4, 1);
        CodeMatrix y = gaussian(40, 4, 2);
        assertEquals(
                PermutationNull.of(DebiasedCka.LINEAR, x, y, 30, 9),
                PermutationNull.of(DebiasedCka.LINEAR, x, y, 30, 9));
    }

    @Test
    void wrongInputsSayWhatIsWrong() {
        var sizes = assertThrows(
                IllegalArgumentException.class, () -> DebiasedCka.LINEAR.of(gaussian(10, 3, 1), gaussian(9, 3, 1)));
        assertEquals(
                "10 codes against 9: debiased linear CKA compares codes of the same points, row i of both being point i",
                sizes.getMessage());
        var few = assertThrows(
                IllegalArgumentException.class, () -> DebiasedCka.LINEAR.of(gaussian(3, 3, 1), gaussian(3, 3, 1)));
        assertEquals("debiased linear CKA needs at least 4 points; got 3", few.getMessage());
        var none = assertThrows(
                IllegalArgumentException.class,
                () -> PermutationNull.of(DebiasedCka.LINEAR, gaussian(8, 2, 1), gaussian(8, 2, 2), 0, 1));
        assertEquals("a permutation null needs at least 1 shuffle; got 0", none.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MutualNeighbours.k(0));
        assertEquals(
                "CKNNA needs k >= 2 neighbours, got 1",
                assertThrows(IllegalArgumentException.class, () -> Cknna.k(1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> DebiasedCka.rbf(0));
    }

    private static double[] symmetric(int n, Random random) {
        double[] m = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                m[i * n + j] = m[j * n + i] = random.nextGaussian();
            }
        }
        return m;
    }

    static CodeMatrix gaussian(int n, int width, long seed) {
        Random random = new Random(seed);
        float[] values = new float[n * width];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return CodeMatrix.of(values, width);
    }

    /** x Q * scale + shift, Q a random orthogonal matrix (the Q of a Gaussian matrix's QR decomposition). */
    static CodeMatrix rotated(CodeMatrix x, long seed, double scale, double shift) {
        int p = x.width();
        Random random = new Random(seed);
        DMatrixRMaj a = new DMatrixRMaj(p, p);
        for (int i = 0; i < a.data.length; i++) {
            a.data[i] = random.nextGaussian();
        }
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(p, p);
        qr.decompose(a);
        DMatrixRMaj q = qr.getQ(null, false);
        DMatrixRMaj codes = new DMatrixRMaj(x.size(), p);
        for (int i = 0; i < x.size(); i++) {
            for (int k = 0; k < p; k++) {
                codes.set(i, k, x.get(i, k));
            }
        }
        DMatrixRMaj out = new DMatrixRMaj(x.size(), p);
        CommonOps_DDRM.mult(codes, q, out);
        float[] values = new float[x.size() * p];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (out.data[i] * scale + shift);
        }
        return CodeMatrix.of(values, p);
    }
}
