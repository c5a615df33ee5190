package org.latentmap.similarity;

import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * Mutual k-nearest-neighbour overlap between two representations of the same points: for each point, the
 * share of its k nearest neighbours (Euclidean, itself excluded) in one space that are also among its k
 * nearest in the other, averaged over the points. 1 when both spaces order every neighbourhood alike (any
 * rotation, shift or overall scale of a space keeps it); about k / n for unrelated spaces.
 */
public final class MutualNeighbours {
    private MutualNeighbours() {}

    public static double of(float[][] x, float[][] y, int k) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(
                    x.length + " codes against " + y.length + ": the overlap compares codes of the same points");
        }
        if (k < 1 || k >= x.length) {
            throw new IllegalArgumentException("k in [1, " + (x.length - 1) + "] (the other points), got " + k);
        }
        int n = x.length;
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
    static int[] nearest(float[][] codes, int i, int k) {
        int n = codes.length;
        double[] distance = new double[n];
        float[] c = codes[i];
        for (int j = 0; j < n; j++) {
            double d = 0;
            for (int v = 0; v < c.length; v++) {
                double diff = codes[j][v] - c[v];
                d += diff * diff;
            }
            distance[j] = j == i ? Double.POSITIVE_INFINITY : d;
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
