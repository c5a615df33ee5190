package org.latentmap.similarity;

import java.util.Arrays;
import java.util.PriorityQueue;
import org.latentmap.linalg.CodeMatrix;

/**
 * Mutual k-nearest-neighbour overlap between two representations of the same points: for each point, the
 * share of its k nearest neighbours (Euclidean, itself excluded) in one space that are also among its k
 * nearest in the other, averaged over the points. 1 when both spaces order every neighbourhood alike (any
 * rotation, shift or overall scale of a space keeps it); about k / n for unrelated spaces.
 */
public final class MutualNeighbours implements PairedMeasure {
    /** The k of the Platonic Representation work (Huh et al., 2024), the default of issue 32. */
    public static final int PLATONIC_K = 10;

    private final int k;

    private MutualNeighbours(int k) {
        this.k = k;
    }

    /** The overlap of the {@code k} nearest neighbours. */
    public static MutualNeighbours k(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k is at least 1 (neighbours of each point), got " + k);
        }
        return new MutualNeighbours(k);
    }

    /** The overlap of the {@code k} nearest neighbours of each point in {@code x} and in {@code y}. */
    public static double of(CodeMatrix x, CodeMatrix y, int k) {
        return k(k).of(x, y);
    }

    @Override
    public String name() {
        return "mutual " + k + "-NN";
    }

    /** A space's k nearest neighbours of each point. */
    private record Neighbourhoods(int[][] lists) implements Space {
        @Override
        public int size() {
            return lists.length;
        }
    }

    @Override
    public Space space(CodeMatrix codes) {
        if (k >= codes.size()) {
            throw new IllegalArgumentException("k in [1, " + (codes.size() - 1) + "] (the other points), got " + k);
        }
        int[][] lists = new int[codes.size()][];
        for (int i = 0; i < lists.length; i++) {
            lists[i] = nearest(codes, i, k);
        }
        return new Neighbourhoods(lists);
    }

    @Override
    public Prepared pair(Space x, Space y) {
        int[][] inX = PairedMeasure.paired(x, y, Neighbourhoods.class, name()).lists();
        int[][] inY = ((Neighbourhoods) y).lists();
        int n = inX.length;
        return pairing -> {
            int[] back = new int[n];
            for (int i = 0; i < n; i++) {
                back[pairing[i]] = i;
            }
            double total = 0;
            int[] b = new int[k];
            for (int i = 0; i < n; i++) {
                int[] theirs = inY[pairing[i]];
                for (int m = 0; m < k; m++) {
                    b[m] = back[theirs[m]];
                }
                Arrays.sort(b);
                int shared = 0;
                for (int j : inX[i]) {
                    if (Arrays.binarySearch(b, j) >= 0) {
                        shared++;
                    }
                }
                total += (double) shared / k;
            }
            return total / n;
        };
    }

    /** The indices of the k points nearest to point i (ties broken by index). */
    static int[] nearest(CodeMatrix codes, int i, int k) {
        int n = codes.size();
        double[] distance = new double[n];
        float[] c = codes.row(i);
        for (int j = 0; j < n; j++) {
            distance[j] = j == i ? Double.POSITIVE_INFINITY : codes.squaredDistance(j, c);
        }
        // partial selection: a max-heap of the k best so far
        PriorityQueue<Integer> heap = new PriorityQueue<>(
                k + 1,
                (p, q) ->
                        distance[p] != distance[q] ? Double.compare(distance[q], distance[p]) : Integer.compare(q, p));
        for (int j = 0; j < n; j++) {
            if (j == i) {
                continue;
            }
            heap.add(j);
            if (heap.size() > k) {
                heap.poll();
            }
        }
        return heap.stream().mapToInt(Integer::intValue).toArray();
    }
}
