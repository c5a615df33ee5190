package org.latentmap.metrics;

import java.util.List;
import java.util.Locale;
import org.latentmap.ResultFile;
import org.latentmap.zoo.ModelCheck;
import org.latentmap.zoo.ModelFamily;
import org.latentmap.zoo.TrainedModel;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The tables that summarise the zoo's trainings (paper Sect. 4.2): what was trained, re-coder errors ({@link ReconstructionTable} gives R-MSE). */
public final class TrainingReport {
    /** Notebook 01's table of {@link #checks}. */
    public static final ResultFile CHECKS_FILE = new ResultFile("model-checks.csv", "notebook 01");
    /** Columns of {@link #checks} that others read. */
    public static final String MODEL = "model";

    public static final String FOUND = "found";
    public static final String IN_THIS_RUN = "in this run";
    public static final String RECORD = "reproducibility record";
    /** The {@value #IN_THIS_RUN} of a model the rule left out. */
    public static final String LEFT_OUT = "left out";

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

    /**
     * One row per model the zoo handed out (issue 29): its health check (R-MSE on training images against the mean
     * image and the class mean, what was found), whether the walkthrough keeps it, its checkpoint's SHA-256 and how
     * it compares with the shipped reproducibility record and with earlier trainings in this zoo.
     */
    public static Table checks(List<ModelCheck> checks) {
        StringColumn name = StringColumn.create(MODEL);
        StringColumn health = StringColumn.create("health");
        DoubleColumn error = DoubleColumn.create("R-MSE (training images)");
        DoubleColumn meanImage = DoubleColumn.create("mean image");
        DoubleColumn classMean = DoubleColumn.create("class mean");
        StringColumn found = StringColumn.create(FOUND);
        StringColumn kept = StringColumn.create(IN_THIS_RUN);
        StringColumn sha = StringColumn.create("checkpoint SHA-256");
        StringColumn record = StringColumn.create(RECORD);
        StringColumn again = StringColumn.create("earlier trainings here");
        for (ModelCheck c : checks) {
            name.append(c.model().name());
            health.append(c.health().verdict().toString());
            error.append(c.health().error());
            meanImage.append(c.health().meanImage());
            classMean.append(c.health().classMean());
            found.append(String.join("; ", c.health().findings()));
            kept.append(c.kept() ? "kept" : LEFT_OUT);
            sha.append(c.sha256());
            record.append(c.record().outcome().toString());
            again.append(c.retraining());
        }
        return Table.create(
                "Model checks: health and reproducibility",
                name,
                health,
                error,
                meanImage,
                classMean,
                found,
                kept,
                sha,
                record,
                again);
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
