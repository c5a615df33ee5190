package org.latentmap.support;

import java.util.Arrays;
import java.util.List;
import org.latentmap.ResultFile;
import org.latentmap.data.ImageSet;
import org.latentmap.linalg.CodeMatrix;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The two readings of the paper's sectors side by side (Sect. 5, {@link SectorReading}): for each, the
 * threshold chosen, how many sectors are inhabited and how much of the data they hold, how much of the support
 * set comes from the sectors and how much from the fill rule, how spread out its images are, and how far its
 * points sit from the axes: the median over the set of the smallest |z_i| among the selected variables (Fig. 7's
 * reading keeps sector points at least th away from every axis, the text's does not).
 */
public final class SectorReadings {
    /** Notebook 03's {@link #compare}. */
    public static final ResultFile FILE = new ResultFile("sector-readings.csv", "notebook 03");

    private SectorReadings() {}

    /**
     * One row per reading: {@code sectors.get(k)} placed {@code codes} (the codes of {@code data}) and
     * {@code supports.get(k)} was selected from them.
     */
    public static Table compare(ImageSet data, CodeMatrix codes, List<Sectors> sectors, List<SupportSet> supports) {
        if (sectors.size() != supports.size() || sectors.isEmpty()) {
            throw new IllegalArgumentException(sectors.size() + " sector partitions and " + supports.size()
                    + " support sets: give one of each per reading");
        }
        StringColumn reading = StringColumn.create("reading");
        DoubleColumn threshold = DoubleColumn.create("threshold");
        IntColumn inhabited = IntColumn.create("inhabited sectors");
        DoubleColumn held = DoubleColumn.create("codes in sectors %");
        IntColumn fromSectors = IntColumn.create("support from sectors");
        IntColumn fromFill = IntColumn.create("support from fill rule");
        DoubleColumn fromAxes = DoubleColumn.create("support median smallest |z|");
        DoubleColumn spread = DoubleColumn.create("support pairwise MSE");
        for (int k = 0; k < sectors.size(); k++) {
            Sectors s = sectors.get(k);
            SupportSet support = supports.get(k);
            int first = Math.min(s.nonEmpty(), support.size());
            reading.append(s.reading().description());
            threshold.append(s.threshold());
            inhabited.append(s.nonEmpty());
            held.append(100.0 * Arrays.stream(s.occupancy()).sum() / s.size());
            fromSectors.append(first);
            fromFill.append(support.size() - first);
            fromAxes.append(medianSmallest(codes, s.variables(), support));
            spread.append(PairwiseError.withinSet(support.images(data)));
        }
        return Table.create(
                "Two readings of the sectors",
                reading,
                threshold,
                inhabited,
                held,
                fromSectors,
                fromFill,
                fromAxes,
                spread);
    }

    /** The median over the support set's points of the smallest |z_i| among the selected variables. */
    static double medianSmallest(CodeMatrix codes, int[] variables, SupportSet support) {
        double[] smallest = new double[support.size()];
        int k = 0;
        for (int i : support.indices()) {
            double min = Double.POSITIVE_INFINITY;
            for (int v : variables) {
                min = Math.min(min, Math.abs(codes.get(i, v)));
            }
            smallest[k++] = min;
        }
        Arrays.sort(smallest);
        int n = smallest.length;
        return n % 2 == 1 ? smallest[n / 2] : (smallest[n / 2 - 1] + smallest[n / 2]) / 2;
    }
}
