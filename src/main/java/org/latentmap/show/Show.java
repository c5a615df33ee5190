package org.latentmap.show;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.latentmap.data.ImageSet;
import tech.tablesaw.api.Table;

/**
 * One-line displays for notebooks: {@code Show.grid(images)}, {@code Show.chart(chart)},
 * {@code Show.table(table)}, {@code Show.bars(...)}. Each returns a {@link Rich} that renders as the cell's
 * last expression, in any kernel, with no display attached (headless).
 */
public final class Show {

    private Show() {
    }

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

    /** One labelled row per image set. */
    public static ImageGrid rows(List<String> labels, ImageSet... rows) {
        return ImageGrid.rows(labels, rows);
    }

    /** Any XChart chart, rendered to PNG. */
    public static Picture chart(Chart<?, ?> chart) {
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        return new Picture(image, chart.getClass().getSimpleName() + "[" + chart.getTitle() + "]");
    }

    /** A Tablesaw table as HTML. */
    public static TableView table(Table table) {
        return new TableView(table);
    }

    /** A bar chart of one value per category. */
    public static Picture bars(String title, List<String> categories, double[] values) {
        if (categories.size() != values.length) {
            throw new IllegalArgumentException(categories.size() + " categories for " + values.length + " values");
        }
        CategoryChart chart = new CategoryChartBuilder().width(720).height(360).title(title).build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisMaxLabelCount(categories.size());
        chart.getStyler().setXAxisLabelRotation(categories.size() > 20 ? 90 : categories.size() > 6 ? 30 : 0);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        List<Double> ys = new ArrayList<>();
        for (double v : values) {
            ys.add(v);
        }
        chart.addSeries(title, categories, ys);
        return chart(chart);
    }

    /** A bar chart of one count per category. */
    public static Picture bars(String title, List<String> categories, int[] counts) {
        return bars(title, categories, java.util.Arrays.stream(counts).asDoubleStream().toArray());
    }

    /** How the paper's crop cuts CelebA: originals with the crop outlined, and the 64x64 results. */
    public static Picture crop(org.latentmap.data.CelebA celeba, int count) {
        return CropPreview.of(celeba, count);
    }

    /** A line chart of named series over a shared x axis. */
    public static Picture lines(String title, String xLabel, String yLabel, double[] x, List<String> names, List<double[]> series) {
        XYChart chart = lineChart(title, xLabel, yLabel, 360);
        for (int i = 0; i < series.size(); i++) {
            chart.addSeries(names.get(i), x, series.get(i));
        }
        return chart(chart);
    }

    /**
     * Training curves of one family: the loss {@code loss} of each of its models, averaged over windows of
     * steps so that the trend shows through the batch-to-batch noise.
     */
    public static Picture losses(List<org.latentmap.zoo.TrainedModel> models, org.latentmap.zoo.ModelFamily family, String loss) {
        XYChart chart = lineChart(family.displayName() + ": " + loss + " loss", "step", loss, 320);
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
            throw new IllegalArgumentException("no " + family.displayName() + " model with a '" + loss + "' loss among " + models.size() + " models");
        }
        return chart(chart);
    }

    /** A row of {@code count} prior samples from each model (the same codes' seed for all), labelled by model. */
    public static ImageGrid samples(List<org.latentmap.zoo.TrainedModel> models, int count) {
        List<String> labels = new ArrayList<>();
        List<ImageSet> rows = new ArrayList<>();
        for (var model : models) {
            labels.add(model.name());
            rows.add(org.latentmap.model.Sampling.samples(model.model(), count, 7));
        }
        return ImageGrid.rows(labels, rows, 2);
    }

    /** The images in the first row, then each model's reconstruction of them, one row per model. */
    public static ImageGrid reconstructions(List<org.latentmap.zoo.TrainedModel> models, ImageSet images) {
        List<String> labels = new ArrayList<>(List.of("original"));
        List<ImageSet> rows = new ArrayList<>(List.of(images));
        for (var model : models) {
            labels.add(model.name());
            rows.add(org.latentmap.metrics.ReconstructionError.reconstructions(model.model(), images));
        }
        return ImageGrid.rows(labels, rows, 2);
    }

    /** The {@code top} largest reconstruction gains as bars, labelled by variable (paper Sect. 5). */
    public static Picture gains(org.latentmap.features.ReconstructionGain gain, String title, int top) {
        int[] order = gain.top(Math.min(top, gain.gains().length));
        double[] all = gain.gains();
        List<String> labels = new ArrayList<>();
        double[] values = new double[order.length];
        for (int k = 0; k < order.length; k++) {
            labels.add("z" + order[k]);
            values[k] = all[order[k]];
        }
        return bars(title, labels, values);
    }

    /** The share of the total gain carried by the first k variables, k = 1.., one line per model. */
    public static Picture cumulativeShare(java.util.Map<String, org.latentmap.features.ReconstructionGain> gains) {
        XYChart chart = lineChart("Cumulative share of the reconstruction gain", "most informative variables kept", "share", 360);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        gains.forEach((name, gain) -> {
            double[] share = gain.cumulativeShare();
            double[] k = new double[share.length];
            for (int i = 0; i < k.length; i++) {
                k[i] = i + 1;
            }
            chart.addSeries(name, k, share);
        });
        return chart(chart);
    }

    /**
     * Latent traversals (paper Fig. 6): one row per variable, that variable of {@code base} swept over
     * [-2.25, 2.25] in {@code steps} steps and decoded.
     */
    public static ImageGrid traversals(org.latentmap.model.LatentModel model, float[] base, int[] variables, int steps) {
        return traversals(model, base, variables, steps, org.latentmap.features.Traversal.PAPER_RANGE);
    }

    /** Latent traversals over [-range, range]. */
    public static ImageGrid traversals(org.latentmap.model.LatentModel model, float[] base, int[] variables, int steps, double range) {
        List<String> labels = new ArrayList<>();
        List<ImageSet> rows = new ArrayList<>();
        for (int v : variables) {
            labels.add("z" + v);
            rows.add(org.latentmap.features.Traversal.of(model, base, v, steps, range));
        }
        return ImageGrid.rows(labels, rows, 2);
    }

    /**
     * Latent traversals by hand: sliders for {@code variables} of {@code image}'s code under {@code model}, the
     * decoded image following them (every position decoded in advance; works in an exported page too).
     * {@link Explorer#of} sets the steps, the range and other views.
     */
    public static Explorer explorer(org.latentmap.model.LatentModel model, ImageSet image, int... variables) {
        return Explorer.of(model, image, variables).build();
    }

    /**
     * The explorer of a relocation: the source model's decoding of the code beside the target model's decoding
     * of the mapped code, both following the source variables' sliders.
     */
    public static Explorer explorer(org.latentmap.relocation.Relocation relocation, ImageSet image, int... variables) {
        return Explorer.of(relocation.source().model(), image, variables)
                .beside(relocation.target().name() + " after relocation", relocation.target().model(), relocation.map())
                .title(relocation.source().name() + " -> " + relocation.target().name() + " (" + relocation.fit() + "): "
                        + relocation.source().name() + "'s variables " + java.util.Arrays.toString(variables))
                .build();
    }

    /** Occupancy of the inhabited sectors sorted from the fullest, on a log scale, one line per threshold of the scan. */
    public static Picture occupancy(org.latentmap.features.SectorScan scan) {
        XYChart chart = lineChart("Points per inhabited sector, fullest first", "sector rank", "points", 360);
        chart.getStyler().setYAxisLogarithmic(true);
        for (var sectors : scan.levels()) {
            int[] occupancy = sectors.occupancy();
            int[] order = sectors.byOccupancy();
            if (order.length == 0) {
                continue;
            }
            double[] rank = new double[order.length];
            double[] counts = new double[order.length];
            for (int i = 0; i < order.length; i++) {
                rank[i] = i + 1;
                counts[i] = occupancy[order[i]];
            }
            chart.addSeries("th = " + sectors.threshold(), rank, counts);
        }
        return chart(chart);
    }

    /**
     * Where a generator's samples fall among the data's sectors (paper Fig. 13): each inhabited sector's share
     * of the data and of the samples, sectors ranked from the data's fullest.
     */
    public static Picture sectorComparison(String title, org.latentmap.features.SectorComparison comparison) {
        Table table = comparison.table();
        double[] rank = new double[table.rowCount()];
        for (int i = 0; i < rank.length; i++) {
            rank[i] = i + 1;
        }
        XYChart chart = lineChart(title, "sector rank in the data (fullest first)", "% of the codes", 360);
        chart.getStyler().setMarkerSize(4);
        chart.addSeries("data", rank, table.doubleColumn("data %").asDoubleArray());
        chart.addSeries("samples", rank, table.doubleColumn("samples %").asDoubleArray());
        return chart(chart);
    }

    /**
     * Inhabitants of some sectors (paper Fig. 8): one row per sector with up to {@code perSector} of its
     * points, labelled by the sector's signs and how many points it holds.
     */
    public static ImageGrid inhabitants(org.latentmap.features.Sectors sectors, ImageSet data, int perSector, int... which) {
        List<String> labels = new ArrayList<>();
        List<ImageSet> rows = new ArrayList<>();
        for (int s : which) {
            int[] inside = sectors.inhabitants(s);
            if (inside.length == 0) {
                continue;
            }
            labels.add(sectors.direction(s) + " (" + inside.length + ")");
            rows.add(data.select(java.util.Arrays.copyOf(inside, Math.min(perSector, inside.length))));
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("none of the sectors " + java.util.Arrays.toString(which) + " has inhabitants");
        }
        return ImageGrid.rows(labels, rows, 2);
    }

    /**
     * The paper's Fig. 2 for one relocation: the images, the source's reconstructions, the target's decoding
     * after relocation, and the target's own reconstructions.
     */
    public static ImageGrid relocation(org.latentmap.relocation.Relocation relocation, ImageSet images) {
        return ImageGrid.rows(List.of("original", relocation.source().name(), "relocated to " + relocation.target().name(),
                        relocation.target().name()),
                List.of(images, org.latentmap.metrics.ReconstructionError.reconstructions(relocation.source().model(), images),
                        relocation.relocated(images),
                        org.latentmap.metrics.ReconstructionError.reconstructions(relocation.target().model(), images)), 2);
    }

    /**
     * The paper's Figs. 14 and 15 in one grid: a generator's samples, another model's reconstructions of them,
     * the other model's drawing of the mapped codes (Fig. 14) and the generator's drawing of the codes mapped
     * back (Fig. 15).
     */
    public static ImageGrid sampleFigures(org.latentmap.relocation.SampleFigures figures) {
        return ImageGrid.rows(figures.labels(), List.of(figures.samples(), figures.reconstructions(), figures.intoOther(),
                figures.backIntoGenerator()), 2);
    }

    /**
     * Each pair's M-MSE with its map fitted on the support set (y) against fitted on all data (x), one series
     * per source family, with the diagonal: points on it mean the support set does as well as all the data.
     */
    public static Picture supportVersusAll(String title, List<org.latentmap.relocation.Relocation> relocations) {
        java.util.Map<String, org.latentmap.relocation.Relocation> all = new java.util.HashMap<>();
        for (var r : relocations) {
            if (r.fittedOn().startsWith("all data")) {
                all.put(r.source().name() + "|" + r.target().name() + "|" + r.fit(), r);
            }
        }
        java.util.Map<String, List<double[]>> series = new java.util.LinkedHashMap<>();
        double largest = 0;
        for (var r : relocations) {
            var partner = all.get(r.source().name() + "|" + r.target().name() + "|" + r.fit());
            if (r.fittedOn().startsWith("support") && partner != null) {
                String name = r.source().family().displayName() + " -> " + r.target().family().displayName();
                series.computeIfAbsent(name, k -> new ArrayList<>()).add(new double[] {partner.mMseMean(), r.mMseMean()});
                largest = Math.max(largest, Math.max(partner.mMseMean(), r.mMseMean()));
            }
        }
        if (series.isEmpty()) {
            throw new IllegalArgumentException("no pair was fitted both on a support set and on all data");
        }
        XYChart chart = scatterChart(title, "M-MSE, map fitted on all data", "M-MSE, map fitted on the support set", 480,
                Styler.LegendPosition.InsideSE, series);
        var diagonal = chart.addSeries("same error", new double[] {0, largest * 1.05}, new double[] {0, largest * 1.05});
        diagonal.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        diagonal.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        diagonal.setLineColor(java.awt.Color.GRAY);
        return chart(chart);
    }

    /**
     * How the held-out error of a ridge map depends on its penalty ({@link org.latentmap.linalg.RidgeValidation}),
     * both axes logarithmic, the chosen penalty marked.
     */
    public static Picture ridgeValidation(String title, org.latentmap.linalg.RidgeValidation validation) {
        XYChart chart = lineChart(title, "penalty / codes' scale", "held-out MSE per code entry", 360);
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setMarkerSize(6);
        chart.addSeries(org.latentmap.linalg.RidgeValidation.FOLDS + "-fold validation", validation.factors(), validation.errors());
        var chosen = chart.addSeries(String.format(java.util.Locale.ROOT, "chosen: %.2g", validation.bestFactor()),
                new double[] {validation.bestFactor()}, new double[] {validation.bestError()});
        chosen.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chosen.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.DIAMOND);
        return chart(chart);
    }

    /**
     * A matrix as a heat map, one row and column per name (such as {@link org.latentmap.similarity.SpaceSimilarity}'s
     * CKA between models), every cell labelled with its value, on a white-to-blue scale from {@code low} to {@code high}.
     */
    public static Picture heatmap(String title, List<String> names, double[][] values, double low, double high) {
        return HeatMap.draw(title, names, values, low, high);
    }

    /**
     * M-MSE against support-set size for each strategy of a {@link org.latentmap.studies.SupportSizeStudy},
     * mean over seeds with the spread as error bars, and the all-data map's M-MSE as
     * a line.
     */
    public static Picture supportSizes(org.latentmap.studies.SupportSizeStudy study) {
        XYChart chart = lineChart("Support-set size, " + study.pair(), "support-set size", "M-MSE on test images", 400);
        chart.getStyler().setMarkerSize(7);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        int smallest = Integer.MAX_VALUE;
        int largest = 0;
        for (String strategy : study.strategies()) {
            var points = study.of(strategy);
            double[] x = points.stream().mapToDouble(p -> p.size()).toArray();
            double[] y = points.stream().mapToDouble(p -> p.meanMMse()).toArray();
            double[] spread = points.stream().mapToDouble(p -> org.latentmap.metrics.Stats.sd(p.mMse())).toArray();
            chart.addSeries(strategy, x, y, spread);
            for (var p : points) {
                smallest = Math.min(smallest, p.size());
                largest = Math.max(largest, p.size());
            }
        }
        double all = study.allData().mMseMean();
        var line = chart.addSeries("all data", new double[] {smallest, largest}, new double[] {all, all});
        line.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        line.setLineColor(java.awt.Color.GRAY);
        return chart(chart);
    }

    /**
     * Each relocation's M-MSE over its target's R-MSE (y) against the linear CKA of its two spaces (x), one
     * series per pair of families.
     */
    public static Picture similarityVersusError(org.latentmap.similarity.SpaceSimilarity similarity,
                                                List<org.latentmap.relocation.Relocation> relocations) {
        java.util.Map<String, List<double[]>> series = new java.util.LinkedHashMap<>();
        for (var r : relocations) {
            if (similarity.names().contains(r.source().name()) && similarity.names().contains(r.target().name())) {
                series.computeIfAbsent(r.source().family().displayName() + " -> " + r.target().family().displayName(), k -> new ArrayList<>())
                        .add(new double[] {similarity.cka(r.source().name(), r.target().name()), r.mMseMean() / r.targetRMseMean()});
            }
        }
        if (series.isEmpty()) {
            throw new IllegalArgumentException("none of the relocations is between models of this similarity comparison");
        }
        return chart(scatterChart("Similar spaces, better maps?", "linear CKA of the two spaces", "M-MSE / target's R-MSE", 440,
                Styler.LegendPosition.InsideNE, series));
    }

    /** A scatter chart with one series per name, each point an (x, y) pair. */
    private static XYChart scatterChart(String title, String xLabel, String yLabel, int height, Styler.LegendPosition legend,
                                        java.util.Map<String, List<double[]>> series) {
        XYChart chart = new XYChartBuilder().width(560).height(height).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setLegendPosition(legend);
        series.forEach((name, points) -> chart.addSeries(name, points.stream().mapToDouble(p -> p[0]).toArray(),
                points.stream().mapToDouble(p -> p[1]).toArray()));
        return chart;
    }

    private static XYChart lineChart(String title, String xLabel, String yLabel, int height) {
        XYChart chart = new XYChartBuilder().width(720).height(height).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setMarkerSize(0);
        return chart;
    }
}
