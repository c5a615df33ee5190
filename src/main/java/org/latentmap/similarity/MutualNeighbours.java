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
public final class MutualNeighbours {
    private MutualNeighbours() {}

    public static double of(CodeMatrix x, CodeMatrix y, int k) {
        if (x.size() != y.size()) {
            throw new IllegalArgumentException(
                    x.size() + " codes against " + y.size() + ": the overlap compares codes of the same points");
        }
        if (k < 1 || k >= x.size()) {
            throw new IllegalArgumentException("k in [1, " + (x.size() - 1) + "] (the other points), got " + k);
        }
        int n = x.size();
        double total = 0;
        for (int i = 0; i < n; i++) {
            int[] a = nearest(x, i, k);
            int[] b = nearest(y, i, k);
            Arrays.sort(b);
            int shared = 0;
            for (int j : a) {
                if (Arrays.binarySearch(b, j) >= 0) {
                    shared++;
                }
            }
            total += (double) shared / k;
        }
        return total / n;
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
