package org.latentmap.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.latentmap.ResultColumns;
import org.latentmap.ResultFile;
import org.latentmap.data.ImageSet;
import org.latentmap.zoo.ModelFamily;
import org.latentmap.zoo.ReconstructionErrors;
import org.latentmap.zoo.TrainedModel;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Every model's reconstruction error (R-MSE, paper Sect. 6) on the same test images, read against the
 * {@link Baselines} of those images: per model (what {@code reconstruction.csv} keeps) and per family, mean ±
 * sd over its trainings with the strongest baseline the mean beats. Zoo models' per-image errors come from
 * the {@link ZooStore}.
 */
public final class ReconstructionTable {
    /** Notebook 01's {@link #perModel()}. */
    public static final ResultFile FILE = new ResultFile("reconstruction.csv", "notebook 01");

    private final List<TrainedModel> models;
    private final double[] errors;
    private final int testImages;
    private final Baselines baselines;

    private ReconstructionTable(List<TrainedModel> models, double[] errors, int testImages, Baselines baselines) {
        this.models = models;
        this.errors = errors;
        this.testImages = testImages;
        this.baselines = baselines;
    }

    /** The R-MSE of each of {@code models} on {@code test}, whose baselines are {@code baselines}. */
    public static ReconstructionTable of(List<TrainedModel> models, ImageSet test, Baselines baselines) {
        if (baselines.testImages() != test.size()) {
            throw new IllegalArgumentException("baselines of " + baselines.testImages() + " test images for "
                    + test.size() + " test images: compute them on the same images (Baselines.of(train, test))");
        }
        double[] errors = new double[models.size()];
        for (int i = 0; i < errors.length; i++) {
            errors[i] = Stats.mean(ReconstructionErrors.of(models.get(i), test));
        }
        return new ReconstructionTable(List.copyOf(models), errors, test.size(), baselines);
    }

    /** One row per model: {@code family, seed, r_mse, test_images}. */
    public Table perModel() {
        StringColumn family = StringColumn.create("family");
        IntColumn seed = IntColumn.create("seed");
        DoubleColumn rMse = DoubleColumn.create("r_mse");
        IntColumn images = IntColumn.create("test_images");
        for (int i = 0; i < models.size(); i++) {
            family.append(models.get(i).family().displayName());
            seed.append((int) models.get(i).seed());
            rMse.append(errors[i]);
            images.append(testImages);
        }
        return Table.create(
                "Reconstruction error of each model on " + testImages + " test images", family, seed, rMse, images);
    }

    /** One row per family: its models, R-MSE mean and sd over them, and the strongest baseline the mean beats. */
    public Table perFamily() {
        StringColumn family = StringColumn.create("family");
        IntColumn count = IntColumn.create("models");
        DoubleColumn mean = DoubleColumn.create(ResultColumns.mean("R-MSE"));
        DoubleColumn sd = DoubleColumn.create(ResultColumns.sd("R-MSE"));
        StringColumn shown = StringColumn.create("R-MSE (mean ± sd)");
        StringColumn beats = StringColumn.create("beats");
        for (ModelFamily f : families()) {
            double[] of = of(f);
            family.append(f.displayName());
            count.append(of.length);
            mean.append(Stats.mean(of));
            sd.append(Stats.sd(of));
            shown.append(Stats.meanSd(of, 3));
            beats.append(baselines.strongestBeaten(Stats.mean(of)));
        }
        return Table.create(
                "Reconstruction error on " + testImages + " test images, against the baselines",
                family,
                count,
                mean,
                sd,
                shown,
                beats);
    }

    /** The R-MSE of each model of {@code family}, in the order given. */
    public double[] of(ModelFamily family) {
        List<Double> found = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            if (models.get(i).family() == family) {
                found.add(errors[i]);
            }
        }
        return found.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** One sentence per family: its mean R-MSE, and which baselines it beats and which it does not. */
    public String verdicts() {
        StringBuilder text = new StringBuilder();
        for (ModelFamily f : families()) {
            double m = Stats.mean(of(f));
            text.append(String.format(Locale.ROOT, "%s: R-MSE %.4f; %s%n", f.displayName(), m, against(m)));
        }
        return text.toString();
    }

    private String against(double error) {
        List<String> below = new ArrayList<>();
        List<String> above = new ArrayList<>();
        double[] values = {
            baselines.meanImage(), baselines.classMean(), baselines.randomPairs(), baselines.nearestTraining()
        };
        List<String> names = Baselines.names();
        for (int b = 0; b < values.length; b++) {
            if (Double.isNaN(values[b])) {
                continue;
            }
            String item = String.format(Locale.ROOT, "%s %.4f", names.get(b), values[b]);
            (error < values[b] ? below : above).add(item);
        }
        return (below.isEmpty() ? "below no baseline" : "below " + String.join(", ", below))
                + (above.isEmpty() ? "" : "; not below " + String.join(", ", above));
    }

    private List<ModelFamily> families() {
        return models.stream().map(TrainedModel::family).distinct().toList();
    }
}
