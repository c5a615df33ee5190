package org.latentmap.metrics;

import java.util.List;
import java.util.Locale;
import org.latentmap.zoo.ModelFamily;
import org.latentmap.zoo.TrainedModel;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The tables that summarise the zoo's trainings (paper Sect. 4.2): what was trained, re-coder errors ({@code features.ReconstructionTable} gives R-MSE). */
public final class TrainingReport {
    private TrainingReport() {}

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
