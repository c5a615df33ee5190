package org.latentmap.show;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.latentmap.data.ImageSet;
import org.latentmap.linalg.RidgeValidation;
import org.latentmap.metrics.Stats;
import org.latentmap.relocation.Relocation;
import org.latentmap.relocation.SampleFigures;
import org.latentmap.studies.SimilarityVersusRelocation;
import org.latentmap.studies.SupportSizeStudy;
import org.latentmap.train.ReconstructionError;

/**
 * Pictures of relocations (paper Sects. 6 and 7, Figs. 2, 14, 15) and of the studies beyond the paper:
 * support set against all data, ridge validation, support-set sizes, similarity against error, and the
 * explorer of a relocation.
 */
public final class RelocationPictures {
    private RelocationPictures() {}

    /**
     * The explorer of a relocation: the source model's decoding of the code beside the target model's decoding
     * of the mapped code, both following the source variables' sliders.
     */
    public static Explorer explorer(Relocation relocation, ImageSet image, int... variables) {
        return Explorer.of(relocation.source().model(), image, variables)
                .beside(
                        relocation.target().name() + " after relocation",
                        relocation.target().model(),
                        relocation.map())
                .title(relocation.source().name() + " -> " + relocation.target().name() + " (" + relocation.fit()
                        + "): " + relocation.source().name() + "'s variables " + Arrays.toString(variables))
                .build();
    }

    /**
     * The paper's Fig. 2 for one relocation: the images, the source's reconstructions, the target's decoding
     * after relocation, and the target's own reconstructions.
     */
    public static ImageGrid relocation(Relocation relocation, ImageSet images) {
        return ImageGrid.rows(
                List.of(
                        "original",
                        relocation.source().name(),
                        "relocated to " + relocation.target().name(),
                        relocation.target().name()),
                List.of(
                        images,
                        ReconstructionError.reconstructions(relocation.source().model(), images),
                        relocation.relocated(images),
                        ReconstructionError.reconstructions(relocation.target().model(), images)),
                2);
    }

    /**
     * The paper's Figs. 14 and 15 in one grid: a generator's samples, another model's reconstructions of them,
     * the other model's drawing of the mapped codes (Fig. 14) and the generator's drawing of the codes mapped
     * back (Fig. 15).
     */
    public static ImageGrid sampleFigures(SampleFigures figures) {
        return ImageGrid.rows(
                figures.labels(),
                List.of(figures.samples(), figures.reconstructions(), figures.intoOther(), figures.backIntoGenerator()),
                2);
    }

    /**
     * Each pair's M-MSE with its map fitted on the support set (y) against fitted on all data (x), one series
     * per source family, with the diagonal: points on it mean the support set does as well as all the data.
     */
    public static Picture supportVersusAll(String title, List<Relocation> relocations) {
        Map<String, Relocation> all = new HashMap<>();
        for (var r : relocations) {
            if (r.fittedOn().startsWith("all data")) {
                all.put(r.source().name() + "|" + r.target().name() + "|" + r.fit(), r);
            }
        }
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        double largest = 0;
        for (var r : relocations) {
            var partner = all.get(r.source().name() + "|" + r.target().name() + "|" + r.fit());
            if (r.fittedOn().startsWith("support") && partner != null) {
                String name = r.source().family().displayName() + " -> "
                        + r.target().family().displayName();
                series.computeIfAbsent(name, k -> new ArrayList<>())
                        .add(new double[] {partner.mMseMean(), r.mMseMean()});
                largest = Math.max(largest, Math.max(partner.mMseMean(), r.mMseMean()));
            }
        }
        if (series.isEmpty()) {
            throw new IllegalArgumentException("no pair was fitted both on a support set and on all data");
        }
        XYChart chart = Charts.scatterChart(
                title,
                "M-MSE, map fitted on all data",
                "M-MSE, map fitted on the support set",
                480,
                Styler.LegendPosition.InsideSE,
                series);
        var diagonal =
                chart.addSeries("same error", new double[] {0, largest * 1.05}, new double[] {0, largest * 1.05});
        diagonal.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        diagonal.setMarker(SeriesMarkers.NONE);
        diagonal.setLineColor(Color.GRAY);
        return Charts.chart(chart);
    }

    /**
     * How the held-out error of a ridge map depends on its penalty ({@link RidgeValidation}),
     * both axes logarithmic, the chosen penalty marked.
     */
    public static Picture ridgeValidation(String title, RidgeValidation validation) {
        XYChart chart = Charts.lineChart(title, "penalty / codes' scale", "held-out MSE per code entry", 360);
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setMarkerSize(6);
        chart.addSeries(validation.scheme() + " validation", validation.factors(), validation.errors());
        var chosen = chart.addSeries(
                String.format(Locale.ROOT, "chosen: %.2g", validation.bestFactor()),
                new double[] {validation.bestFactor()},
                new double[] {validation.bestError()});
        chosen.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chosen.setMarker(SeriesMarkers.DIAMOND);
        return Charts.chart(chart);
    }

    /**
     * M-MSE against support-set size for each strategy of a {@link SupportSizeStudy},
     * mean over seeds with the spread as error bars, and the all-data map's M-MSE as
     * a line.
     */
    public static Picture supportSizes(SupportSizeStudy study) {
        XYChart chart =
                Charts.lineChart("Support-set size, " + study.pair(), "support-set size", "M-MSE on test images", 400);
        chart.getStyler().setMarkerSize(7);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        int smallest = Integer.MAX_VALUE;
        int largest = 0;
        for (String strategy : study.strategies()) {
            var points = study.of(strategy);
            double[] x = points.stream().mapToDouble(p -> p.size()).toArray();
            double[] y = points.stream().mapToDouble(p -> p.meanMMse()).toArray();
            double[] spread =
                    points.stream().mapToDouble(p -> Stats.sd(p.mMse())).toArray();
            chart.addSeries(strategy, x, y, spread);
            for (var p : points) {
                smallest = Math.min(smallest, p.size());
                largest = Math.max(largest, p.size());
            }
        }
        double all = study.allData().mMseMean();
        var line = chart.addSeries("all data", new double[] {smallest, largest}, new double[] {all, all});
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(Color.GRAY);
        return Charts.chart(chart);
    }

    /**
     * Each relocation's M-MSE over its target's R-MSE (y) against the calibrated score of {@code measure} between its
     * two spaces (x), one series per pair of families.
     */
    public static Picture similarityVersusError(
            SimilarityVersusRelocation study, String measure, List<Relocation> relocations) {
        List<String> names = study.names();
        double[][] calibrated = study.calibrated(measure);
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        for (var r : relocations) {
            int a = names.indexOf(r.source().name());
            int b = names.indexOf(r.target().name());
            if (a >= 0 && b >= 0 && a != b) {
                series.computeIfAbsent(
                                r.source().family().displayName() + " -> "
                                        + r.target().family().displayName(),
                                k -> new ArrayList<>())
                        .add(new double[] {calibrated[a][b], r.mMseMean() / r.targetRMseMean()});
            }
        }
        if (series.isEmpty()) {
            throw new IllegalArgumentException("none of the relocations is between models of this similarity study");
        }
        return Charts.chart(Charts.scatterChart(
                "Similar spaces, better maps?",
                measure + ", calibrated",
                "M-MSE / target's R-MSE",
                440,
                Styler.LegendPosition.InsideNE,
                series));
    }
}
