package org.latentmap.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.latentmap.linalg.CodeMatrix;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The sectors of one set of codes at several thresholds (paper Sect. 5): how many of the 2^n sectors are
 * inhabited and how unevenly, as the threshold pushes the sectors away from the origin. The paper observes
 * that the occupancy is far from uniform, a sign that the aggregate posterior is not the Gaussian prior.
 */
public final class SectorScan {
    private final List<Sectors> levels;
    private final int points;

    private SectorScan(List<Sectors> levels, int points) {
        this.levels = levels;
        this.points = points;
    }

    /** Places the codes in the sectors of {@code variables} at each threshold (order kept as given), under {@code reading}. */
    public static SectorScan of(CodeMatrix codes, int[] variables, SectorReading reading, double... thresholds) {
        if (codes.size() == 0) {
            throw new IllegalArgumentException("a sector scan needs codes; none were given");
        }
        if (thresholds.length == 0) {
            throw new IllegalArgumentException("give at least one threshold, such as 0, 1, 2");
        }
        List<Sectors> levels = new ArrayList<>();
        for (double th : thresholds) {
            levels.add(Sectors.of(codes, variables, th, reading));
        }
        return new SectorScan(levels, codes.size());
    }

    /** The sectors at each threshold, in the order given. */
    public List<Sectors> levels() {
        return List.copyOf(levels);
    }

    /** The sectors at threshold {@code th}, which must be one of the scan's. */
    public Sectors at(double th) {
        return levels.stream()
                .filter(s -> s.threshold() == th)
                .findFirst()
                .orElseThrow(() ->
                        new IllegalArgumentException("threshold " + th + " is not among the scan's " + thresholds()));
    }

    public List<Double> thresholds() {
        return levels.stream().map(Sectors::threshold).toList();
    }

    /**
     * The widest threshold of the scan at which at least {@code share} of the points still lie in some
     * sector. With share 0.5 the sectors hold the outer half of the data, the points with the most extreme
     * values on the chosen variables. -1 when even the smallest threshold holds less.
     */
    public double widestHolding(double share) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("a share of the points is in (0, 1], got " + share);
        }
        double best = -1;
        for (Sectors s : levels) {
            if (Arrays.stream(s.occupancy()).sum() >= share * points) {
                best = Math.max(best, s.threshold());
            }
        }
        return best;
    }

    /**
     * One row per threshold: inhabited sectors (of 2^n), the share of the points that lie in some sector,
     * the largest, median and smallest occupancy, and the largest over the mean of a uniform spread.
     */
    public Table table() {
        DoubleColumn th = DoubleColumn.create("threshold");
        IntColumn inhabited = IntColumn.create("inhabited sectors");
        IntColumn sectors = IntColumn.create("of");
        DoubleColumn share = DoubleColumn.create("share of points in a sector");
        IntColumn largest = IntColumn.create("largest");
        IntColumn median = IntColumn.create("median");
        IntColumn smallest = IntColumn.create("smallest");
        DoubleColumn skew = DoubleColumn.create("largest / uniform");
        for (Sectors s : levels) {
            int[] occupancy = s.occupancy();
            int[] sorted = occupancy.clone();
            Arrays.sort(sorted);
            int inSectors = Arrays.stream(occupancy).sum();
            th.append(s.threshold());
            inhabited.append(s.nonEmpty());
            sectors.append(s.count());
            share.append(round((double) inSectors / points));
            largest.append(sorted[sorted.length - 1]);
            median.append(sorted[sorted.length / 2]);
            smallest.append(sorted[0]);
            skew.append(inSectors == 0 ? 0 : round(sorted[sorted.length - 1] / ((double) inSectors / s.count())));
        }
        return Table.create(
                "Sector occupancy of " + points + " codes on " + levels.get(0).variables().length + " variables",
                th,
                inhabited,
                sectors,
                share,
                largest,
                median,
                smallest,
                skew);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
