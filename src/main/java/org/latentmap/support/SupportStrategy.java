package org.latentmap.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.latentmap.data.ImageSet;
import org.latentmap.linalg.CodeMatrix;

/**
 * A way of choosing the points a relocation map is fitted on, at any size (beyond the paper, which only uses
 * its sectors, Sect. 5): the paper's {@link #sectors sectors}, {@link #random uniform random} points,
 * {@link #farthestPoint farthest-point} (k-centre) points in a latent space, and a
 * {@link #classStratified class-stratified} random draw. Each choice is seeded.
 */
public abstract class SupportStrategy {
    private final String name;

    SupportStrategy(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }

    /** {@code size} data points chosen with {@code seed}. */
    public final SupportSet choose(int size, long seed) {
        if (size < 1 || size > dataSize()) {
            throw new IllegalArgumentException("a support set of " + size + " points from " + dataSize()
                    + " data points: choose a size in [1, " + dataSize() + "]");
        }
        return chooseChecked(size, seed);
    }

    abstract int dataSize();

    abstract SupportSet chooseChecked(int size, long seed);

    /**
     * The paper's sectors, from the codes of the data and the variables ranked by informativeness (most
     * first): for a size s, the min(7, log2 s) most informative variables, the widest threshold that still
     * holds half of the codes (as {@link SupportSetRecipe}), one point per inhabited sector, then the fill
     * rule of {@link SupportSet}.
     */
    public static SupportStrategy sectors(CodeMatrix codes, int[] rankedVariables) {
        return sectors(codes, rankedVariables, SectorReading.DISTANCE_FROM_ORIGIN);
    }

    /** The paper's sectors under {@code reading} (see {@link #sectors(CodeMatrix, int[])}). */
    public static SupportStrategy sectors(CodeMatrix codes, int[] rankedVariables, SectorReading reading) {
        if (rankedVariables.length < 1) {
            throw new IllegalArgumentException("the sectors strategy needs at least one ranked variable");
        }
        Map<Integer, Sectors> byVariables = new HashMap<>();
        String name = reading == SectorReading.DISTANCE_FROM_ORIGIN ? "sectors" : "sectors (every coordinate)";
        return new SupportStrategy(name) {
            @Override
            int dataSize() {
                return codes.size();
            }

            @Override
            SupportSet chooseChecked(int size, long seed) {
                int n = Math.max(
                        1, Math.min(Math.min(7, rankedVariables.length), 31 - Integer.numberOfLeadingZeros(size)));
                Sectors sectors = byVariables.computeIfAbsent(n, k -> {
                    SectorScan scan = SectorScan.of(
                            codes, Arrays.copyOf(rankedVariables, k), reading, SupportSetRecipe.thresholds(reading));
                    return scan.at(Math.max(0, scan.widestHolding(0.5)));
                });
                return SupportSet.select(sectors, size, seed);
            }
        };
    }

    /** Uniform random points among {@code dataSize}, without repetition. */
    public static SupportStrategy random(int dataSize) {
        return new SupportStrategy("random") {
            @Override
            int dataSize() {
                return dataSize;
            }

            @Override
            SupportSet chooseChecked(int size, long seed) {
                return SupportSet.of(firstOfPermutation(dataSize, size, new SplittableRandom(seed)));
            }
        };
    }

    /**
     * Farthest-point (greedy k-centre) points in a latent space: a random first point, then each time the
     * point farthest from all chosen so far (Euclidean). A larger set extends a smaller one of the same seed.
     */
    public static SupportStrategy farthestPoint(CodeMatrix codes) {
        Map<Long, FarthestPoints> orders = new HashMap<>();
        return new SupportStrategy("farthest point") {
            @Override
            int dataSize() {
                return codes.size();
            }

            @Override
            SupportSet chooseChecked(int size, long seed) {
                FarthestPoints order = orders.computeIfAbsent(
                        seed, s -> new FarthestPoints(codes, new SplittableRandom(s).nextInt(codes.size())));
                return SupportSet.of(order.extendTo(size));
            }
        };
    }

    /**
     * Random points in equal numbers from each class of {@code data} (the remainder, one more each, to classes
     * drawn at random); refused for data without labels.
     */
    public static SupportStrategy classStratified(ImageSet data) {
        if (!data.hasLabels()) {
            throw new IllegalArgumentException(
                    "class-stratified support sets need labelled data; these images have no labels");
        }
        int classes = 0;
        for (int i = 0; i < data.size(); i++) {
            classes = Math.max(classes, data.label(i) + 1);
        }
        List<List<Integer>> members = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            members.add(new ArrayList<>());
        }
        for (int i = 0; i < data.size(); i++) {
            members.get(data.label(i)).add(i);
        }
        return new SupportStrategy("class-stratified") {
            @Override
            int dataSize() {
                return data.size();
            }

            @Override
            SupportSet chooseChecked(int size, long seed) {
                SplittableRandom random = new SplittableRandom(seed);
                int[] present = IntStream.range(0, members.size())
                        .filter(c -> !members.get(c).isEmpty())
                        .toArray();
                int[] classOrder = firstOfPermutation(present.length, present.length, random);
                int[] quota = new int[members.size()];
                for (int k = 0; k < size; k++) {
                    quota[present[classOrder[k % present.length]]]++;
                }
                List<Integer> chosen = new ArrayList<>();
                int spill = 0;
                for (int c = 0; c < members.size(); c++) {
                    List<Integer> pool = members.get(c);
                    int take = Math.min(quota[c], pool.size());
                    spill += quota[c] - take;
                    for (int j : firstOfPermutation(pool.size(), take, random)) {
                        chosen.add(pool.get(j));
                    }
                }
                if (spill > 0) {
                    // classes too small for their share: the rest at random among the points not chosen yet
                    Set<Integer> taken = new HashSet<>(chosen);
                    for (int i : firstOfPermutation(data.size(), data.size(), random)) {
                        if (spill == 0) {
                            break;
                        }
                        if (taken.add(i)) {
                            chosen.add(i);
                            spill--;
                        }
                    }
                }
                return SupportSet.of(chosen.stream().mapToInt(Integer::intValue).toArray());
            }
        };
    }

    /** The first {@code count} entries of a random permutation of 0..n-1 (partial Fisher-Yates). */
    static int[] firstOfPermutation(int n, int count, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return Arrays.copyOf(order, count);
    }

    static int[] farthestOrder(CodeMatrix codes, int count, int first) {
        return new FarthestPoints(codes, first).extendTo(count);
    }

    /**
     * Greedy k-centre from a first point: each next point is the one farthest from those chosen. It keeps each
     * point's distance to the nearest chosen one, so a longer order continues a shorter one instead of
     * starting again (a support-size study asks for 75, then 150, 300 and 600 points).
     */
    private static final class FarthestPoints {
        private final CodeMatrix codes;
        private final double[] nearest;
        private int[] order = new int[0];
        private int next;

        FarthestPoints(CodeMatrix codes, int first) {
            this.codes = codes;
            this.nearest = new double[codes.size()];
            Arrays.fill(nearest, Double.POSITIVE_INFINITY);
            this.next = first;
        }

        /** The first {@code count} points of the order. */
        int[] extendTo(int count) {
            int known = order.length;
            if (count > known) {
                order = Arrays.copyOf(order, count);
                for (int k = known; k < count; k++) {
                    order[k] = next;
                    next = farthestAfterAdding(codes.row(next));
                }
            }
            return Arrays.copyOf(order, count);
        }

        private int farthestAfterAdding(float[] c) {
            int farthest = -1;
            double farthestDistance = -1;
            for (int i = 0; i < codes.size(); i++) {
                double d = codes.squaredDistance(i, c);
                if (d < nearest[i]) {
                    nearest[i] = d;
                }
                if (nearest[i] > farthestDistance) {
                    farthestDistance = nearest[i];
                    farthest = i;
                }
            }
            return farthest;
        }
    }
}
