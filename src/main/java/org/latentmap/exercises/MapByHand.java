package org.latentmap.exercises;

import java.util.Locale;
import org.latentmap.linalg.CodeMatrix;
import org.latentmap.relocation.MapFit;

/**
 * Exercise "fit a map by hand" (paper Sect. 6): a student's W from the normal equations,
 * W = (Z1ᵀZ1)⁻¹ Z1ᵀZ2, checked against the library's least-squares fit on the same codes. Any W whose
 * squared error on the codes equals the least-squares minimum is right, however it was computed.
 */
public final class MapByHand {
    /** How far above the least-squares minimum a right answer may lie (relative: rounding, sums in float). */
    static final double TOLERANCE = 1e-4;

    private MapByHand() {}

    /** Checks W (source variables x target variables) as the least-squares map from {@code source} to {@code target} codes. */
    public static Verdict check(double[][] w, float[][] source, float[][] target) {
        if (source.length != target.length || source.length == 0) {
            throw new IllegalArgumentException("the source and target codes must be of the same images: got "
                    + source.length + " and " + target.length + " rows");
        }
        int p = source[0].length;
        int q = target[0].length;
        if (w == null) {
            return Verdict.notYet("w is still null. Compute G = Z1ᵀZ1 (" + p + " x " + p + "), R = Z1ᵀZ2 (" + p + " x "
                    + q + ") and W = Matrices.solve(G, R).");
        }
        int cols = w.length == 0 || w[0] == null ? 0 : w[0].length;
        for (double[] row : w) {
            if (row == null || row.length != cols) {
                return Verdict.notYet("W's rows differ in length (or one is null): every row needs " + q + " entries.");
            }
        }
        if (w.length != p || cols != q) {
            String hint = w.length == q && cols == p
                    ? " It looks transposed: W has one row per source variable and one column per target variable, so that z2 = z1 W."
                    : " W has one row per source variable (" + p + ") and one column per target variable (" + q + ").";
            return Verdict.notYet(
                    String.format(Locale.ROOT, "W should be %d x %d, yours is %d x %d.%s", p, q, w.length, cols, hint));
        }
        for (double[] row : w) {
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    return Verdict.notYet("W has NaN or infinite entries: was G singular, or an entry never set?");
                }
            }
        }
        double best = squaredError(
                MapFit.leastSquares()
                        .fit(CodeMatrix.ofRows(source), CodeMatrix.ofRows(target))
                        .weights(),
                source,
                target);
        double yours = squaredError(w, source, target);
        double allowed = best * (1 + TOLERANCE) + 1e-12 * (1 + sumOfSquares(target));
        if (yours <= allowed) {
            return Verdict.right(String.format(
                    Locale.ROOT,
                    "your W leaves a squared error of %.6g on the %d codes, the least-squares "
                            + "minimum (%.6g). These are the normal equations' solution.",
                    yours,
                    source.length,
                    best));
        }
        if (p == q && squaredError(transpose(w), source, target) <= allowed) {
            return Verdict.notYet(
                    "your W is the transpose of the answer: with z2 = z1 W, G = Z1ᵀZ1 and R = Z1ᵀZ2 (Z1 has one row "
                            + "per image), W = solve(G, R), not its transpose.");
        }
        if (yours <= best * 1.01) {
            return Verdict.notYet(String.format(
                    Locale.ROOT,
                    "very close: your W leaves a squared error of %.6g, %.6fx the "
                            + "least-squares minimum %.6g. Rounding? Multiply and sum in double: (double) z1[n][i] * z1[n][k].",
                    yours,
                    yours / best,
                    best));
        }
        return Verdict.notYet(String.format(
                Locale.ROOT,
                "your W leaves a squared error of %.6g on the %d codes, %.3gx the "
                        + "least-squares minimum %.6g. Check that G[i][j] sums z1[n][i] * z1[n][j] and R[i][j] sums z1[n][i] * z2[n][j] "
                        + "over every image n, then W = Matrices.solve(G, R).",
                yours,
                source.length,
                yours / best,
                best));
    }

    /** Σ over images and target variables of (z1 W - z2)². */
    static double squaredError(double[][] w, float[][] source, float[][] target) {
        double sum = 0;
        for (int n = 0; n < source.length; n++) {
            for (int j = 0; j < target[n].length; j++) {
                double mapped = 0;
                for (int i = 0; i < source[n].length; i++) {
                    mapped += source[n][i] * w[i][j];
                }
                double d = mapped - target[n][j];
                sum += d * d;
            }
        }
        return sum;
    }

    private static double sumOfSquares(float[][] codes) {
        double sum = 0;
        for (float[] row : codes) {
            for (float v : row) {
                sum += (double) v * v;
            }
        }
        return sum;
    }

    private static double[][] transpose(double[][] w) {
        double[][] t = new double[w[0].length][w.length];
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < w[0].length; j++) {
                t[j][i] = w[i][j];
            }
        }
        return t;
    }
}
