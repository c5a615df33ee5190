package org.latentmap.data;

import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Summary tables of image sets: what each split holds, and how its classes are spread. */
public final class DataSummary {

    private DataSummary() {}

    /** One row per named set: images, image shape, mean and standard deviation of the pixels. */
    public static Table splits(String title, Map<String, ImageSet> sets) {
        StringColumn name = StringColumn.create("split");
        IntColumn images = IntColumn.create("images");
        StringColumn shape = StringColumn.create("image shape (C x H x W)");
        DoubleColumn mean = DoubleColumn.create("mean pixel");
        DoubleColumn sd = DoubleColumn.create("pixel sd");
        for (Map.Entry<String, ImageSet> entry : sets.entrySet()) {
            ImageSet set = entry.getValue();
            double[] stats = meanAndSd(set);
            name.append(entry.getKey());
            images.append(set.size());
            shape.append(set.channels() + " x " + set.height() + " x " + set.width());
            mean.append(round(stats[0]));
            sd.append(round(stats[1]));
        }
        return Table.create(title, name, images, shape, mean, sd);
    }

    /** One row per class: its name and how many images each named set has of it. */
    public static Table classes(String title, List<String> classNames, Map<String, ImageSet> sets) {
        Table table = Table.create(title, StringColumn.create("class", classNames));
        for (Map.Entry<String, ImageSet> entry : sets.entrySet()) {
            int[] counts = entry.getValue().classCounts();
            IntColumn column = IntColumn.create(entry.getKey());
            for (int c = 0; c < classNames.size(); c++) {
                column.append(c < counts.length ? counts[c] : 0);
            }
            table.addColumns(column);
        }
        return table;
    }

    static double[] meanAndSd(ImageSet set) {
        double sum = 0;
        double squares = 0;
        long count = 0;
        for (int i = 0; i < set.size(); i++) {
            for (float p : set.image(i)) {
                sum += p;
                squares += (double) p * p;
                count++;
            }
        }
        double mean = count == 0 ? 0 : sum / count;
        double variance = count == 0 ? 0 : Math.max(0, squares / count - mean * mean);
        return new double[] {mean, Math.sqrt(variance)};
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
