package org.latentmap.similarity;

import java.util.Arrays;
import org.latentmap.linalg.CodeMatrix;

/**
 * Centred kernel nearest-neighbour alignment (CKNNA; Huh et al., The Platonic Representation Hypothesis, 2024): the
 * unbiased HSIC of the two linear kernels kept only on the pairs (i, j) where j is among i's k nearest neighbours in
 * both spaces, normalised as CKA is. It measures local agreement with the kernels' magnitudes, between mutual k-NN
 * (local, counts only) and CKA (global). Adaptation: the codes' columns are centred and neighbours are by Euclidean
 * distance, as this project's {@link MutualNeighbours}; Huh et al. take the largest inner products of normalised
 * features. It needs k >= 2 and at least 4 points; 1 for a rotated, shifted and scaled copy.
 */
public final class Cknna implements PairedMeasure {
    private final int k;

    private Cknna(int k) {
        this.k = k;
    }

    /** CKNNA over the {@code k} nearest neighbours (Huh et al. use k = 10). */
    public static Cknna k(int k) {
        if (k < 2) {
            throw new IllegalArgumentException("CKNNA needs k >= 2 neighbours, got " + k);
        }
        return new Cknna(k);
    }

    @Override
    public String name() {
        return "CKNNA (k = " + k + ")";
    }

    /** A space's linear kernel, its points' neighbours (sorted) and its alignment with itself. */
    private record Neighbourhood(double[] gram, int[][] neighbours, double self) implements Space {
        @Override
        public int size() {
            return neighbours.length;
        }
    }

    @Override
    public Space space(CodeMatrix codes) {
        if (codes.size() < 4) {
            throw new IllegalArgumentException(name() + " needs at least 4 points; got " + codes.size());
        }
        if (k >= codes.size()) {
            throw new IllegalArgumentException("k in [2, " + (codes.size() - 1) + "] (the other points), got " + k);
        }
        int n = codes.size();
        double[] gram = DebiasedCka.gram(codes);
        int[][] neighbours = neighbours(codes);
        double self = alignment(gram, neighbours, gram, neighbours, PermutationNull.identity(n), n);
        if (!(self > 0)) {
            throw new IllegalArgumentException(name() + " is undefined: a space's neighbourhoods carry no variation");
        }
        return new Neighbourhood(gram, neighbours, self);
    }

    @Override
    public Prepared pair(Space x, Space y) {
        Neighbourhood a = PairedMeasure.paired(x, y, Neighbourhood.class, name());
        Neighbourhood b = (Neighbourhood) y;
        double norm = Math.sqrt(a.self() * b.self());
        int n = a.size();
        return pairing -> alignment(a.gram(), a.neighbours(), b.gram(), b.neighbours(), pairing, n) / norm;
    }

    private int[][] neighbours(CodeMatrix codes) {
        int[][] out = new int[codes.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = MutualNeighbours.nearest(codes, i, k);
            Arrays.sort(out[i]);
        }
        return out;
    }

    /**
     * The unbiased HSIC, times n (n - 3), of A = M o K and B = M o L_pairing, M the pairs (i, j) with j among i's
     * neighbours in the first space and pairing[j] among pairing[i]'s in the second: tr(A B) + (1'A1)(1'B1) / ((n -
     * 1)(n - 2)) - 2 / (n - 2) 1'AB1, over M's n k entries at most (A and B need not be symmetric; their diagonals are
     * 0, a point not being its own neighbour).
     */
    private static double alignment(double[] kx, int[][] nx, double[] ky, int[][] ny, int[] pairing, int n) {
        int[] back = new int[n];
        for (int i = 0; i < n; i++) {
            back[pairing[i]] = i;
        }
        // M's entries, row by row: kept[i] lists the j (sorted) with (i, j) in M
        int[][] kept = new int[n][];
        for (int i = 0; i < n; i++) {
            int[] theirs = ny[pairing[i]];
            int[] mapped = new int[theirs.length];
            for (int m = 0; m < theirs.length; m++) {
                mapped[m] = back[theirs[m]];
            }
            Arrays.sort(mapped);
            int[] both = new int[nx[i].length];
            int count = 0;
            for (int j : nx[i]) {
                if (Arrays.binarySearch(mapped, j) >= 0) {
                    both[count++] = j;
                }
            }
            kept[i] = Arrays.copyOf(both, count);
        }
        double trace = 0;
        double sumA = 0;
        double sumB = 0;
        double[] columnsA = new double[n];
        double[] rowsB = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j : kept[i]) {
                double a = kx[i * n + j];
                double b = ky[pairing[i] * n + pairing[j]];
                sumA += a;
                sumB += b;
                columnsA[j] += a;
                rowsB[i] += b;
                if (Arrays.binarySearch(kept[j], i) >= 0) {
                    trace += a * ky[pairing[j] * n + pairing[i]];
                }
            }
        }
        double cross = 0;
        for (int m = 0; m < n; m++) {
            cross += columnsA[m] * rowsB[m];
        }
        return trace + sumA * sumB / ((double) (n - 1) * (n - 2)) - 2.0 / (n - 2) * cross;
    }
}
