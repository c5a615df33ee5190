package org.latentmap.metrics;

import org.latentmap.data.ImageSet;
import org.latentmap.model.ModelFamily;
import org.latentmap.model.TrainedModel;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.List;
import java.util.Locale;

/** The tables that summarise the zoo's trainings (paper Sect. 4.2): what was trained, R-MSE per family, re-coder errors. */
public final class TrainingReport {
    private TrainingReport() {
    }

    /** One row per model: family, seed, latent size, steps, and the training time (or "cache"). */
    public static Table overview(List<TrainedModel> models) {
        StringColumn name = StringColumn.create("model");
        StringColumn family = StringColumn.create("family");
        IntColumn seed = IntColumn.create("seed");
        IntColumn latent = IntColumn.create("latent size");
        IntColumn steps = IntColumn.create("steps");
        StringColumn time = StringColumn.create("trained");
        for (TrainedModel m : models) {
            name.append(m.name());
            family.append(m.family().displayName());
            seed.append((int) m.seed());
            latent.append(m.model().latentSize());
            steps.append((int) m.plan().totalSteps());
            time.append(m.fromCache() ? "from cache" : String.format(Locale.ROOT, "%.0f s", m.trainingSeconds()));
        }
        return Table.create("Trained models", name, family, seed, latent, steps, time);
    }

    /** R-MSE on {@code images} for each model, then mean and sd per family over its seeds. */
    public static Table reconstruction(List<TrainedModel> models, ImageSet images) {
        StringColumn family = StringColumn.create("family");
        IntColumn count = IntColumn.create("models");
        DoubleColumn mean = DoubleColumn.create("R-MSE mean");
        DoubleColumn sd = DoubleColumn.create("R-MSE sd");
        StringColumn shown = StringColumn.create("R-MSE (mean ± sd)");
        for (ModelFamily f : ModelFamily.values()) {
            double[] errors = models.stream().filter(m -> m.family() == f)
                    .mapToDouble(m -> ReconstructionError.of(m.model(), images)).toArray();
            if (errors.length == 0) {
                continue;
            }
            family.append(f.displayName());
            count.append(errors.length);
            mean.append(Stats.mean(errors));
            sd.append(Stats.sd(errors));
            shown.append(Stats.meanSd(errors, 3));
        }
        return Table.create("Reconstruction error on " + images.size() + " test images", family, count, mean, sd, shown);
    }

    /** The re-coder's latent and image errors on {@code count} samples of each GAN. */
    public static Table recoder(List<TrainedModel> models, int count) {
        StringColumn name = StringColumn.create("GAN");
        DoubleColumn latent = DoubleColumn.create("latent MSE");
        DoubleColumn image = DoubleColumn.create("image MSE");
        for (TrainedModel m : models) {
            if (m.family() == ModelFamily.GAN) {
                RecoderError error = RecoderError.measure(m.model(), count, 1234);
                name.append(m.name());
                latent.append(error.latentMse());
                image.append(error.imageMse());
            }
        }
        return Table.create("Re-coder error on " + count + " samples of each GAN", name, latent, image);
    }
}
