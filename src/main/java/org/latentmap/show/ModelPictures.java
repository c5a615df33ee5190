package org.latentmap.show;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.latentmap.data.ImageSet;
import org.latentmap.features.CodeGaussian;
import org.latentmap.features.Traversal;
import org.latentmap.model.LatentModel;
import org.latentmap.model.Sampling;
import org.latentmap.train.ReconstructionError;
import org.latentmap.zoo.ModelFamily;
import org.latentmap.zoo.TrainedModel;

/**
 * Pictures of trained models (paper Sect. 4): training curves, prior samples, reconstructions, latent
 * traversals (Fig. 6) and the traversal explorer.
 */
public final class ModelPictures {
    private ModelPictures() {}

    /**
     * Training curves of one family: the loss {@code loss} of each of its models, averaged over windows of
     * steps so that the trend shows through the batch-to-batch noise.
     */
    public static Picture losses(List<TrainedModel> models, ModelFamily family, String loss) {
        XYChart chart = Charts.lineChart(family.displayName() + ": " + loss + " loss", "step", loss, 320);
        // whole steps from 0 on the axis: a window's centre falls between two steps, and "1,019.5" labels ran together
        chart.getStyler().setXAxisDecimalPattern("#,##0");
        chart.getStyler().setXAxisMin(0.0);
        int drawn = 0;
        for (var model : models) {
            if (model.family() == family) {
                var history = model.history();
                double[][] xy = history.smoothed(loss, Math.max(1, history.size() / 60));
                if (xy[0].length > 0) {
                    chart.addSeries(model.name(), xy[0], xy[1]);
                    drawn++;
                }
            }
        }
        if (drawn == 0) {
            throw new IllegalArgumentException("no " + family.displayName() + " model with a '" + loss + "' loss among "
                    + models.size() + " models");
        }
        return Charts.chart(chart);
    }

    /** A row of {@code count} prior samples from each model (the same codes' seed for all), labelled by model. */
    public static ImageGrid samples(List<TrainedModel> models, int count) {
        List<String> labels = new ArrayList<>();
        List<ImageSet> rows = new ArrayList<>();
        for (var model : models) {
            labels.add(model.name());
            rows.add(Sampling.samples(model.model(), count, 7));
        }
        return ImageGrid.rows(labels, rows, 2);
    }

    /**
     * A row of {@code count} samples from each model drawn from a Gaussian fitted to its codes of {@code images}
     * rather than from the prior (the same seed for all): where the prior's samples fail but these do not, the
     * codes sit elsewhere than the prior says.
     */
    public static ImageGrid codeSamples(List<TrainedModel> models, ImageSet images, int count) {
        List<String> labels = new ArrayList<>();
        List<ImageSet> rows = new ArrayList<>();
        for (var model : models) {
            labels.add(model.name());
            rows.add(CodeGaussian.of(model, images).samples(model.model(), count, 7));
        }
        return ImageGrid.rows(labels, rows, 2);
    }

    /** The images in the first row, then each model's reconstruction of them, one row per model. */
    public static ImageGrid reconstructions(List<TrainedModel> models, ImageSet images) {
        List<String> labels = new ArrayList<>(List.of("original"));
        List<ImageSet> rows = new ArrayList<>(List.of(images));
        for (var model : models) {
            labels.add(model.name());
            rows.add(ReconstructionError.reconstructions(model.model(), images));
        }
        return ImageGrid.rows(labels, rows, 2);
    }

    /**
     * Latent traversals (paper Fig. 6): one row per variable, that variable of {@code base} swept over
     * [-2.25, 2.25] in {@code steps} steps and decoded.
     */
    public static ImageGrid traversals(LatentModel model, float[] base, int[] variables, int steps) {
        return traversals(model, base, variables, steps, Traversal.PAPER_RANGE);
    }

    /** Latent traversals over [-range, range]. */
    public static ImageGrid traversals(LatentModel model, float[] base, int[] variables, int steps, double range) {
        List<String> labels = new ArrayList<>();
        List<ImageSet> rows = new ArrayList<>();
        for (int v : variables) {
            labels.add("z" + v);
            rows.add(Traversal.of(model, base, v, steps, range));
        }
        return ImageGrid.rows(labels, rows, 2);
    }

    /**
     * Latent traversals by hand: sliders for {@code variables} of {@code image}'s code under {@code model}, the
     * decoded image following them (every position decoded in advance; works in an exported page too).
     * {@link Explorer#of} sets the steps, the range and other views.
     */
    public static Explorer explorer(LatentModel model, ImageSet image, int... variables) {
        return Explorer.of(model, image, variables).build();
    }
}
