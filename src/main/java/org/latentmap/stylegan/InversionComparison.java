package org.latentmap.stylegan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.latentmap.ResultFile;
import org.latentmap.data.ImageSet;
import org.latentmap.metrics.Stats;
import org.latentmap.model.Adversarial;
import org.latentmap.train.ReconstructionError;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Paper Sect. 7, Figs. 11 and 12, in one table: how well a generator draws sets of images back, by its
 * re-coder in one pass and by optimising its code ({@link Inversion}), each set's error also as a multiple of
 * the first set's (normally the generator's own samples). The paper's StyleGAN re-codes its own samples with
 * image MSE 0.026 and the support set with 0.251, and its optimisation fails on the support set too.
 */
public final class InversionComparison {
    /** Notebook 07's table of the curated StyleGAN's inversions. */
    public static final ResultFile FILE = new ResultFile("stylegan-inversion.csv", "notebook 07");
    /** {@link #table()}'s columns that others read. */
    public static final String RECODER_MSE = "re-coder MSE";

    public static final String OPTIMISED_MSE = "optimised MSE";
    /** The rows {@link #ownSamples} and {@link #supportSet} add. */
    public static final String OWN_SAMPLES = "own samples";

    public static final String SUPPORT_SET = "support set";

    private final Adversarial model;
    private final Inversion inversion;
    private final List<Row> rows;

    /** One set of images: its re-coder error and its inversion. */
    public record Row(String name, ImageSet images, double recoderError, Inversion.Result inversion) {}

    private InversionComparison(Adversarial model, Inversion inversion, List<Row> rows) {
        this.model = model;
        this.inversion = inversion;
        this.rows = List.copyOf(rows);
    }

    /** Nothing measured yet; each set added is measured with the model's re-coder and with {@code inversion}. */
    public static InversionComparison of(Adversarial model, Inversion inversion) {
        return new InversionComparison(model, inversion, List.of());
    }

    /** The comparison with {@code images} measured and added as a row named {@code name}. */
    public InversionComparison ownSamples(ImageSet samples) {
        return add(OWN_SAMPLES, samples);
    }

    /** Adds the row {@value #SUPPORT_SET}: the support set's images (paper Fig. 12). */
    public InversionComparison supportSet(ImageSet images) {
        return add(SUPPORT_SET, images);
    }

    public InversionComparison add(String name, ImageSet images) {
        if (rows.stream().anyMatch(r -> r.name().equals(name))) {
            throw new IllegalArgumentException("the comparison already has a row named \"" + name + "\"");
        }
        if (images.size() == 0) {
            throw new IllegalArgumentException("no images in \"" + name + "\"");
        }
        double recoder = ReconstructionError.of(model, images);
        Inversion.Result inverted = inversion.invert(images);
        List<Row> more = new ArrayList<>(rows);
        more.add(new Row(name, images, recoder, inverted));
        return new InversionComparison(model, inversion, more);
    }

    public List<Row> rows() {
        return rows;
    }

    /** The row named {@code name}. */
    public Row row(String name) {
        return rows.stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no row named \"" + name + "\"; the rows are "
                        + rows.stream().map(Row::name).toList()));
    }

    /**
     * One row per set: image count, re-coder image MSE and its multiple of the first set's, the error at the
     * mean code (where the optimisation starts), the optimised error and its multiple of the first set's.
     */
    public Table table() {
        StringColumn names = StringColumn.create("images");
        IntColumn counts = IntColumn.create("count");
        DoubleColumn recoder = DoubleColumn.create(RECODER_MSE);
        DoubleColumn recoderRatio = DoubleColumn.create("re-coder x first");
        DoubleColumn start = DoubleColumn.create("mean-code MSE");
        DoubleColumn optimised = DoubleColumn.create(OPTIMISED_MSE);
        DoubleColumn optimisedRatio = DoubleColumn.create("optimised x first");
        for (Row row : rows) {
            names.append(row.name());
            counts.append(row.images().size());
            recoder.append(Stats.significant(row.recoderError(), 4));
            recoderRatio.append(
                    Stats.significant(row.recoderError() / rows.get(0).recoderError(), 4));
            start.append(Stats.significant(row.inversion().meanStartError(), 4));
            optimised.append(Stats.significant(row.inversion().meanError(), 4));
            optimisedRatio.append(Stats.significant(
                    row.inversion().meanError() / rows.get(0).inversion().meanError(), 4));
        }
        String title = String.format(
                Locale.ROOT,
                "Drawing images back with %s: re-coder and %d optimisation steps",
                model.name(),
                inversion.steps());
        return Table.create(title, names, counts, recoder, recoderRatio, start, optimised, optimisedRatio);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Row row : rows) {
            text.append(String.format(
                    Locale.ROOT,
                    "%s (%d images): re-coder %.4f, optimised %.4f (± %.4f)%n",
                    row.name(),
                    row.images().size(),
                    row.recoderError(),
                    row.inversion().meanError(),
                    Stats.sd(row.inversion().error())));
        }
        return text.toString();
    }
}
