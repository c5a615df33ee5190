package org.latentmap.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.latentmap.linalg.CodeMatrix;

/**
 * The sectors of paper Sect. 5: given n chosen latent variables, a threshold th and a direction dir in
 * {-1, +1}^n, the sector (th, dir) holds the codes whose signs on those variables equal dir and that lie
 * beyond th, in one of the two {@link SectorReading readings} the paper allows: their distance from the
 * origin in those n coordinates exceeds th (the text), or every one of the n coordinates does (Fig. 7).
 * Directions are numbered by bits: bit k is 1 when variable k (in the given order) is positive, so sector
 * numbers run from 0 to 2^n - 1. A code not beyond th, or with a zero coordinate, belongs to no sector.
 */
public final class Sectors {
    /** The most variables a sector partition takes (2^20 sectors). */
    public static final int MAX_VARIABLES = 20;

    private final int[] variables;
    private final double threshold;
    private final SectorReading reading;
    private final int[] sectorOf;
    private final List<List<Integer>> inhabitants;

    private Sectors(int[] variables, double threshold, SectorReading reading, int[] sectorOf) {
        this.variables = variables;
        this.threshold = threshold;
        this.reading = reading;
        this.sectorOf = sectorOf;
        this.inhabitants = new ArrayList<>();
        for (int s = 0; s < (1 << variables.length); s++) {
            inhabitants.add(new ArrayList<>());
        }
        for (int i = 0; i < sectorOf.length; i++) {
            if (sectorOf[i] >= 0) {
                inhabitants.get(sectorOf[i]).add(i);
            }
        }
    }

    /** Places every code (one row per data point) in its sector under {@code reading}. */
    public static Sectors of(CodeMatrix codes, int[] variables, double threshold, SectorReading reading) {
        if (variables.length < 1 || variables.length > MAX_VARIABLES) {
            throw new IllegalArgumentException(
                    "sectors need between 1 and " + MAX_VARIABLES + " variables, got " + variables.length);
        }
        if (threshold < 0) {
            throw new IllegalArgumentException("a sector threshold is a distance, >= 0; got " + threshold);
        }
        int[] sectorOf = new int[codes.size()];
        for (int i = 0; i < sectorOf.length; i++) {
            sectorOf[i] = sector(codes.row(i), variables, threshold, reading);
        }
        return new Sectors(variables.clone(), threshold, reading, sectorOf);
    }

    /** The sector of one code under {@code reading}, or -1 when it is not beyond the threshold or on an axis. */
    public static int sector(float[] code, int[] variables, double threshold, SectorReading reading) {
        double squared = 0;
        double smallest = Double.POSITIVE_INFINITY;
        int direction = 0;
        for (int k = 0; k < variables.length; k++) {
            float value = code[variables[k]];
            if (value == 0f) {
                return -1;
            }
            if (value > 0f) {
                direction |= 1 << k;
            }
            squared += (double) value * value;
            smallest = Math.min(smallest, Math.abs(value));
        }
        return reading.beyond(squared, smallest, threshold) ? direction : -1;
    }

    /** Number of sectors, 2^n. */
    public int count() {
        return inhabitants.size();
    }

    public int[] variables() {
        return variables.clone();
    }

    public double threshold() {
        return threshold;
    }

    /** Which reading of the paper placed the codes. */
    public SectorReading reading() {
        return reading;
    }

    /** Number of codes placed (inside the threshold or not). */
    public int size() {
        return sectorOf.length;
    }

    /** The sector of data point i, or -1. */
    public int sectorOf(int i) {
        return sectorOf[i];
    }

    /** How many data points each sector holds. */
    public int[] occupancy() {
        return inhabitants.stream().mapToInt(List::size).toArray();
    }

    /** The indices of the data points in a sector, in data order. */
    public int[] inhabitants(int sector) {
        return inhabitants.get(sector).stream().mapToInt(Integer::intValue).toArray();
    }

    /** The inhabited sectors' numbers, from the fullest to the emptiest (ties by number). */
    public int[] byOccupancy() {
        int[] occupancy = occupancy();
        return IntStream.range(0, occupancy.length)
                .filter(s -> occupancy[s] > 0)
                .boxed()
                .sorted(Comparator.comparingInt((Integer s) -> -occupancy[s]).thenComparingInt(s -> s))
                .mapToInt(Integer::intValue)
                .toArray();
    }

    /** Sectors with at least one data point. */
    public int nonEmpty() {
        return (int) Arrays.stream(occupancy()).filter(c -> c > 0).count();
    }

    /** The direction of a sector as signs, such as "+-++-+-" (variable order). */
    public String direction(int sector) {
        StringBuilder signs = new StringBuilder();
        for (int k = 0; k < variables.length; k++) {
            signs.append((sector >> k & 1) == 1 ? '+' : '-');
        }
        return signs.toString();
    }
}
