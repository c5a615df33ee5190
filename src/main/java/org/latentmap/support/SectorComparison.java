package org.latentmap.support;

import java.util.Locale;
import java.util.Map;
import org.latentmap.ResultFile;
import org.latentmap.linalg.CodeMatrix;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Where a generator's samples fall among the data's sectors (paper Sect. 7, Fig. 13): the samples' codes in
 * the model that defined the sectors (their encodings) are placed in the same sectors (same variables, same
 * threshold) as the data's, and each sector's share of the samples is set against its share of the data.
 * A generator that cannot draw eccentric images leaves the outer sectors, where the support set comes from,
 * nearly empty.
 */
public final class SectorComparison {
    /** Notebook 07's {@link #summary}, a row per model named by its family ("StyleGAN", "GAN"). */
    public static final ResultFile SUMMARY_FILE = new ResultFile("stylegan-sectors.csv", "notebook 07");
    /** {@link #summary}'s columns that others read. */
    public static final String SAMPLES_IN_SECTORS = "samples in sectors %";

    public static final String DATA_IN_SECTORS = "data in sectors %";
    public static final String SECTORS_REACHED = "sectors reached";

    private final Sectors data;
    private final Sectors samples;

    private SectorComparison(Sectors data, Sectors samples) {
        this.data = data;
        this.samples = samples;
    }

    /** Places {@code sampleCodes} in {@code data}'s sectors. */
    public static SectorComparison of(Sectors data, CodeMatrix sampleCodes) {
        if (sampleCodes.size() == 0) {
            throw new IllegalArgumentException("no sample codes to place in the data's sectors");
        }
        return new SectorComparison(data, Sectors.of(sampleCodes, data.variables(), data.threshold(), data.reading()));
    }

    public Sectors data() {
        return data;
    }

    public Sectors samples() {
        return samples;
    }

    /** The share of the data's codes that lie in some sector (beyond the threshold). */
    public double dataShareInSectors() {
        return inSectors(data);
    }

    /** The share of the samples' codes that lie in some sector. */
    public double sampleShareInSectors() {
        return inSectors(samples);
    }

    /** How many of the data's inhabited sectors hold at least one sample. */
    public int sectorsReached() {
        int[] d = data.occupancy();
        int[] s = samples.occupancy();
        int reached = 0;
        for (int k = 0; k < d.length; k++) {
            if (d[k] > 0 && s[k] > 0) {
                reached++;
            }
        }
        return reached;
    }

    /**
     * Several models' samples against the same data's sectors, a row each: the share of samples and of the
     * data in a sector (%), the sectors the samples reach and the data's inhabited ones.
     */
    public static Table summary(Map<String, SectorComparison> comparisons) {
        StringColumn name = StringColumn.create("samples");
        DoubleColumn samples = DoubleColumn.create(SAMPLES_IN_SECTORS);
        DoubleColumn data = DoubleColumn.create(DATA_IN_SECTORS);
        IntColumn reached = IntColumn.create(SECTORS_REACHED);
        IntColumn inhabited = IntColumn.create("data sectors");
        comparisons.forEach((model, c) -> {
            name.append(model);
            samples.append(100 * c.sampleShareInSectors());
            data.append(100 * c.dataShareInSectors());
            reached.append(c.sectorsReached());
            inhabited.append(c.data().nonEmpty());
        });
        return Table.create("Samples in the data's sectors", name, samples, data, reached, inhabited);
    }

    /** One row per sector the data inhabit, fullest first: its direction, data share, sample share, and their ratio. */
    public Table table() {
        StringColumn direction = StringColumn.create("direction");
        IntColumn sector = IntColumn.create("sector");
        DoubleColumn dataShare = DoubleColumn.create("data %");
        DoubleColumn sampleShare = DoubleColumn.create("samples %");
        DoubleColumn ratio = DoubleColumn.create("samples / data");
        int[] d = data.occupancy();
        int[] s = samples.occupancy();
        for (int k : data.byOccupancy()) {
            double ds = 100.0 * d[k] / data.size();
            double ss = 100.0 * s[k] / samples.size();
            direction.append(data.direction(k));
            sector.append(k);
            dataShare.append(ds);
            sampleShare.append(ss);
            ratio.append(ss / ds);
        }
        return Table.create(
                String.format(
                        Locale.ROOT,
                        "Sectors at threshold %.2f: data (%,d codes) and samples (%,d)",
                        data.threshold(),
                        data.size(),
                        samples.size()),
                direction,
                sector,
                dataShare,
                sampleShare,
                ratio);
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "%.1f%% of the data and %.1f%% of the samples lie in a sector; samples reach %d of the data's %d inhabited sectors",
                100 * dataShareInSectors(),
                100 * sampleShareInSectors(),
                sectorsReached(),
                data.nonEmpty());
    }

    private static double inSectors(Sectors sectors) {
        int placed = 0;
        for (int count : sectors.occupancy()) {
            placed += count;
        }
        return (double) placed / sectors.size();
    }
}
