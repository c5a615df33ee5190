package org.latentmap.show;

import java.util.List;
import java.util.Map;
import org.knowm.xchart.internal.chartpart.Chart;
import org.latentmap.data.CelebA;
import org.latentmap.data.DataSummary;
import org.latentmap.data.ImageSet;
import org.latentmap.features.ReconstructionGain;
import org.latentmap.linalg.RidgeValidation;
import org.latentmap.model.LatentModel;
import org.latentmap.relocation.Relocation;
import org.latentmap.relocation.SampleFigures;
import org.latentmap.studies.SimilarityVersusRelocation;
import org.latentmap.studies.SupportSizeStudy;
import org.latentmap.support.SectorComparison;
import org.latentmap.support.SectorScan;
import org.latentmap.support.Sectors;
import org.latentmap.zoo.ModelFamily;
import org.latentmap.zoo.TrainedModel;
import tech.tablesaw.api.Table;

/**
 * One-line displays for notebooks: {@code Show.grid(images)}, {@code Show.chart(chart)},
 * {@code Show.table(table)}, {@code Show.bars(...)}. Each returns a {@link Rich} that renders as the cell's
 * last expression, in any kernel, with no display attached (headless).
 */
public final class Show {

    private Show() {}

    /** Images ten to a row, at twice their size. */
    public static ImageGrid grid(ImageSet images) {
        return ImageGrid.of(images);
    }

    /** Images {@code columns} to a row, at twice their size. */
    public static ImageGrid grid(ImageSet images, int columns) {
        return ImageGrid.of(images, columns, 2);
    }

    /** One row per class with its first {@code perClass} images, headed by the class name. */
    public static ImageGrid perClass(ImageSet images, int perClass) {
        return ImageGrid.perClass(images, perClass);
    }

    /**
     * Examples of a data set: one row per class with its first {@code perClass} images when the images have labels,
     * else their first six rows of {@code perClass}.
     */
    public static ImageGrid examples(ImageSet images, int perClass) {
        return images.hasLabels() ? perClass(images, perClass) : grid(images.head(6 * perClass), perClass);
    }

    /** Bars of the images per class, or a note that the images have no labels. */
    public static Rich classCounts(String title, ImageSet images) {
        return images.hasLabels()
                ? bars(title, images.classNames(), images.classCounts())
                : note("No classes to count: these images have no labels.");
    }

    /** A table of images per class in each named set, or a note that the images have no labels. */
    public static Rich classes(String title, Map<String, ImageSet> sets) {
        ImageSet first = sets.values().iterator().next();
        return sets.values().stream().allMatch(ImageSet::hasLabels)
                ? table(DataSummary.classes(title, first.classNames(), sets))
                : note("No table of classes: these images have no labels.");
    }

    /** A line of text in place of a picture or table the data cannot give. */
    public static Note note(String text) {
        return new Note(text);
    }

    /** One labelled row per image set. */
    public static ImageGrid rows(List<String> labels, ImageSet... rows) {
        return ImageGrid.rows(labels, rows);
    }

    /** Any XChart chart, rendered to PNG. */
    public static Picture chart(Chart<?, ?> chart) {
        return Charts.chart(chart);
    }

    /** A Tablesaw table as HTML. */
    public static TableView table(Table table) {
        return new TableView(table);
    }

    /** A bar chart of one value per category. */
    public static Picture bars(String title, List<String> categories, double[] values) {
        return Charts.bars(title, categories, values);
    }

    /** A bar chart of one count per category. */
    public static Picture bars(String title, List<String> categories, int[] counts) {
        return Charts.bars(title, categories, counts);
    }

    /** How the paper's crop cuts CelebA: originals with the crop outlined, and the 64x64 results. */
    public static Picture crop(CelebA celeba, int count) {
        return CropPreview.of(celeba, count);
    }

    /** A line chart of named series over a shared x axis. */
    public static Picture lines(
            String title, String xLabel, String yLabel, double[] x, List<String> names, List<double[]> series) {
        return Charts.lines(title, xLabel, yLabel, x, names, series);
    }

    /**
     * Training curves of one family: the loss {@code loss} of each of its models, averaged over windows of
     * steps so that the trend shows through the batch-to-batch noise.
     */
    public static Picture losses(List<TrainedModel> models, ModelFamily family, String loss) {
        return ModelPictures.losses(models, family, loss);
    }

    /** A row of {@code count} prior samples from each model (the same codes' seed for all), labelled by model. */
    public static ImageGrid samples(List<TrainedModel> models, int count) {
        return ModelPictures.samples(models, count);
    }

    /** A row of {@code count} samples from each model, drawn from a Gaussian fitted to its codes of {@code images}. */
    public static ImageGrid codeSamples(List<TrainedModel> models, ImageSet images, int count) {
        return ModelPictures.codeSamples(models, images, count);
    }

    /** The images in the first row, then each model's reconstruction of them, one row per model. */
    public static ImageGrid reconstructions(List<TrainedModel> models, ImageSet images) {
        return ModelPictures.reconstructions(models, images);
    }

    /** The {@code top} largest reconstruction gains as bars, labelled by variable (paper Sect. 5). */
    public static Picture gains(ReconstructionGain gain, String title, int top) {
        return FeaturePictures.gains(gain, title, top);
    }

    /** The share of the total gain carried by the first k variables, k = 1.., one line per model. */
    public static Picture cumulativeShare(Map<String, ReconstructionGain> gains) {
        return FeaturePictures.cumulativeShare(gains);
    }

    /**
     * Latent traversals (paper Fig. 6): one row per variable, that variable of {@code base} swept over
     * [-2.25, 2.25] in {@code steps} steps and decoded.
     */
    public static ImageGrid traversals(LatentModel model, float[] base, int[] variables, int steps) {
        return ModelPictures.traversals(model, base, variables, steps);
    }

    /** Latent traversals over [-range, range]. */
    public static ImageGrid traversals(LatentModel model, float[] base, int[] variables, int steps, double range) {
        return ModelPictures.traversals(model, base, variables, steps, range);
    }

    /**
     * Latent traversals by hand: sliders for {@code variables} of {@code image}'s code under {@code model}, the
     * decoded image following them (every position decoded in advance; works in an exported page too).
     * {@link Explorer#of} sets the steps, the range and other views.
     */
    public static Explorer explorer(LatentModel model, ImageSet image, int... variables) {
        return ModelPictures.explorer(model, image, variables);
    }

    /**
     * The explorer of a relocation: the source model's decoding of the code beside the target model's decoding
     * of the mapped code, both following the source variables' sliders.
     */
    public static Explorer explorer(Relocation relocation, ImageSet image, int... variables) {
        return RelocationPictures.explorer(relocation, image, variables);
    }

    /** Occupancy of the inhabited sectors sorted from the fullest, on a log scale, one line per threshold of the scan. */
    public static Picture occupancy(SectorScan scan) {
        return SectorPictures.occupancy(scan);
    }

    /**
     * Where a generator's samples fall among the data's sectors (paper Fig. 13): each inhabited sector's share
     * of the data and of the samples, sectors ranked from the data's fullest.
     */
    public static Picture sectorComparison(String title, SectorComparison comparison) {
        return SectorPictures.sectorComparison(title, comparison);
    }

    /**
     * Inhabitants of some sectors (paper Fig. 8): one row per sector with up to {@code perSector} of its
     * points, labelled by the sector's signs and how many points it holds.
     */
    public static ImageGrid inhabitants(Sectors sectors, ImageSet data, int perSector, int... which) {
        return SectorPictures.inhabitants(sectors, data, perSector, which);
    }

    /**
     * The paper's Fig. 2 for one relocation: the images, the source's reconstructions, the target's decoding
     * after relocation, and the target's own reconstructions.
     */
    public static ImageGrid relocation(Relocation relocation, ImageSet images) {
        return RelocationPictures.relocation(relocation, images);
    }

    /**
     * The paper's Figs. 14 and 15 in one grid: a generator's samples, another model's reconstructions of them,
     * the other model's drawing of the mapped codes (Fig. 14) and the generator's drawing of the codes mapped
     * back (Fig. 15).
     */
    public static ImageGrid sampleFigures(SampleFigures figures) {
        return RelocationPictures.sampleFigures(figures);
    }

    /**
     * Each pair's M-MSE with its map fitted on the support set (y) against fitted on all data (x), one series
     * per source family, with the diagonal: points on it mean the support set does as well as all the data.
     */
    public static Picture supportVersusAll(String title, List<Relocation> relocations) {
        return RelocationPictures.supportVersusAll(title, relocations);
    }

    /**
     * How the held-out error of a ridge map depends on its penalty ({@link RidgeValidation}),
     * both axes logarithmic, the chosen penalty marked.
     */
    public static Picture ridgeValidation(String title, RidgeValidation validation) {
        return RelocationPictures.ridgeValidation(title, validation);
    }

    /**
     * A matrix as a heat map, one row and column per name (such as a {@link SimilarityVersusRelocation} measure's
     * calibrated scores between models), every cell labelled with its value, on a white-to-blue scale from {@code low} to {@code high}.
     */
    public static Picture heatmap(String title, List<String> names, double[][] values, double low, double high) {
        return HeatMap.draw(title, names, values, low, high);
    }

    /**
     * M-MSE against support-set size for each strategy of a {@link SupportSizeStudy},
     * mean over seeds with the spread as error bars, and the all-data map's M-MSE as
     * a line.
     */
    public static Picture supportSizes(SupportSizeStudy study) {
        return RelocationPictures.supportSizes(study);
    }

    /**
     * Each relocation's M-MSE over its target's R-MSE (y) against the calibrated score of {@code measure} between its
     * two spaces (x), one series per pair of families.
     */
    public static Picture similarityVersusError(
            SimilarityVersusRelocation study, String measure, List<Relocation> relocations) {
        return RelocationPictures.similarityVersusError(study, measure, relocations);
    }
}
