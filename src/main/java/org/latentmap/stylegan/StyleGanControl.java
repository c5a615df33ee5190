package org.latentmap.stylegan;

import java.util.List;
import java.util.Map;
import org.latentmap.ResultFile;
import org.latentmap.metrics.Stats;
import org.latentmap.relocation.SampledRelocation;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The controlled version of paper Sect. 7 (beyond the paper): the curated StyleGAN beside the same StyleGAN,
 * same plan, trained on a random half of the data of the same size, and the vanilla GAN. What the curated
 * model and its control share, the architecture explains; what separates them, the curation does.
 */
public final class StyleGanControl {
    /** Notebook 07's {@link #drawingBack}. */
    public static final ResultFile INVERSION_FILE = new ResultFile("stylegan-control-inversion.csv", "notebook 07");
    /** Notebook 07's {@link #maps}. */
    public static final ResultFile MAPS_FILE = new ResultFile("stylegan-control-maps.csv", "notebook 07");

    private StyleGanControl() {}

    /** One row per model and set of images: re-coder and optimised image MSE, and the optimised error over own samples'. */
    public static Table drawingBack(Map<String, InversionComparison> byModel) {
        StringColumn model = StringColumn.create("model");
        StringColumn images = StringColumn.create("images");
        DoubleColumn recoder = DoubleColumn.create("re-coder MSE");
        DoubleColumn optimised = DoubleColumn.create("optimised MSE");
        DoubleColumn ratio = DoubleColumn.create("optimised x own samples");
        byModel.forEach((name, comparison) -> {
            List<InversionComparison.Row> rows = comparison.rows();
            double own = rows.get(0).inversion().meanError();
            for (InversionComparison.Row row : rows) {
                model.append(name);
                images.append(row.name());
                recoder.append(Stats.significant(row.recoderError(), 4));
                optimised.append(Stats.significant(row.inversion().meanError(), 4));
                ratio.append(Stats.significant(row.inversion().meanError() / own, 4));
            }
        });
        return Table.create(
                "Drawing images back: curated StyleGAN, its random-half control, the GAN",
                model,
                images,
                recoder,
                optimised,
                ratio);
    }

    /** {@link SampledRelocation#summary} of each model's maps, one table, with the model's name first. */
    public static Table maps(Map<String, List<SampledRelocation>> byModel) {
        Table all = null;
        for (var entry : byModel.entrySet()) {
            Table summary = SampledRelocation.summary(entry.getValue());
            StringColumn model = StringColumn.create("model");
            for (int i = 0; i < summary.rowCount(); i++) {
                model.append(entry.getKey());
            }
            summary.insertColumn(0, model);
            all = all == null ? summary : all.append(summary);
        }
        if (all == null) {
            throw new IllegalArgumentException("no model's maps were given");
        }
        return all.setName("Maps fitted on samples, W and the Split-VAE's space (mean ± sd over pairs)");
    }
}
