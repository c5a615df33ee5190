package org.latentmap.show;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.latentmap.data.ImageSet;
import org.latentmap.support.SectorComparison;
import org.latentmap.support.SectorScan;
import org.latentmap.support.Sectors;
import tech.tablesaw.api.Table;

/**
 * Pictures of sectors (paper Sect. 5, Figs. 7, 8 and 13): occupancy per threshold, inhabitants, and where a
 * generator's samples fall among the data's sectors.
 */
public final class SectorPictures {
    private SectorPictures() {}

    /** Occupancy of the inhabited sectors sorted from the fullest, on a log scale, one line per threshold of the scan. */
    public static Picture occupancy(SectorScan scan) {
        XYChart chart = Charts.lineChart("Points per inhabited sector, fullest first", "sector rank", "points", 360);
        chart.getStyler().setYAxisLogarithmic(true);
        for (var sectors : scan.levels()) {
            int[] occupancy = sectors.occupancy();
            int[] order = sectors.byOccupancy();
            if (order.length == 0) {
                continue;
            }
            double[] rank = new double[order.length];
            double[] counts = new double[order.length];
            for (int i = 0; i < order.length; i++) {
                rank[i] = i + 1;
                counts[i] = occupancy[order[i]];
            }
            chart.addSeries("th = " + sectors.threshold(), rank, counts);
        }
        return Charts.chart(chart);
    }

    /**
     * Where a generator's samples fall among the data's sectors (paper Fig. 13): each inhabited sector's share
     * of the data and of the samples, sectors ranked from the data's fullest.
     */
    public static Picture sectorComparison(String title, SectorComparison comparison) {
        Table table = comparison.table();
        double[] rank = new double[table.rowCount()];
        for (int i = 0; i < rank.length; i++) {
            rank[i] = i + 1;
        }
        XYChart chart = Charts.lineChart(title, "sector rank in the data (fullest first)", "% of the codes", 360);
        chart.getStyler().setMarkerSize(4);
        chart.addSeries("data", rank, table.doubleColumn("data %").asDoubleArray());
        chart.addSeries("samples", rank, table.doubleColumn("samples %").asDoubleArray());
        return Charts.chart(chart);
    }

    /**
     * Inhabitants of some sectors (paper Fig. 8): one row per sector with up to {@code perSector} of its
     * points, labelled by the sector's signs and how many points it holds.
     */
    public static ImageGrid inhabitants(Sectors sectors, ImageSet data, int perSector, int... which) {
        List<String> labels = new ArrayList<>();
        List<ImageSet> rows = new ArrayList<>();
        for (int s : which) {
            int[] inside = sectors.inhabitants(s);
            if (inside.length == 0) {
                continue;
            }
            labels.add(sectors.direction(s) + " (" + inside.length + ")");
            rows.add(data.select(Arrays.copyOf(inside, Math.min(perSector, inside.length))));
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("none of the sectors " + Arrays.toString(which) + " has inhabitants");
        }
        return ImageGrid.rows(labels, rows, 2);
    }
}
