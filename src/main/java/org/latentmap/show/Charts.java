package org.latentmap.show;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/**
 * Charts for notebooks, drawn with XChart and returned as {@link Picture}s: bars, lines, and the line and
 * scatter layouts the other picture classes share.
 */
public final class Charts {
    private Charts() {}

    /** Any XChart chart, rendered to PNG. */
    public static Picture chart(Chart<?, ?> chart) {
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        return new Picture(image, chart.getClass().getSimpleName() + "[" + chart.getTitle() + "]");
    }

    /** A bar chart of one value per category. */
    public static Picture bars(String title, List<String> categories, double[] values) {
        if (categories.size() != values.length) {
            throw new IllegalArgumentException(categories.size() + " categories for " + values.length + " values");
        }
        CategoryChart chart =
                new CategoryChartBuilder().width(720).height(360).title(title).build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisMaxLabelCount(categories.size());
        chart.getStyler().setXAxisLabelRotation(categories.size() > 20 ? 90 : categories.size() > 6 ? 30 : 0);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        List<Double> ys = new ArrayList<>();
        for (double v : values) {
            ys.add(v);
        }
        chart.addSeries(title, categories, ys);
        return chart(chart);
    }

    /** A bar chart of one count per category. */
    public static Picture bars(String title, List<String> categories, int[] counts) {
        return bars(title, categories, Arrays.stream(counts).asDoubleStream().toArray());
    }

    /** A line chart of named series over a shared x axis. */
    public static Picture lines(
            String title, String xLabel, String yLabel, double[] x, List<String> names, List<double[]> series) {
        XYChart chart = lineChart(title, xLabel, yLabel, 360);
        for (int i = 0; i < series.size(); i++) {
            chart.addSeries(names.get(i), x, series.get(i));
        }
        return chart(chart);
    }

    /** A scatter chart with one series per name, each point an (x, y) pair. */
    static XYChart scatterChart(
            String title,
            String xLabel,
            String yLabel,
            int height,
            Styler.LegendPosition legend,
            Map<String, List<double[]>> series) {
        XYChart chart = new XYChartBuilder()
                .width(560)
                .height(height)
                .title(title)
                .xAxisTitle(xLabel)
                .yAxisTitle(yLabel)
                .build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(legend);
        series.forEach((name, points) -> chart.addSeries(
                name,
                points.stream().mapToDouble(p -> p[0]).toArray(),
                points.stream().mapToDouble(p -> p[1]).toArray()));
        return chart;
    }

    static XYChart lineChart(String title, String xLabel, String yLabel, int height) {
        XYChart chart = new XYChartBuilder()
                .width(720)
                .height(height)
                .title(title)
                .xAxisTitle(xLabel)
                .yAxisTitle(yLabel)
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setMarkerSize(0);
        return chart;
    }
}
