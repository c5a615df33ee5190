package org.latentmap.show;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.latentmap.features.ReconstructionGain;

/**
 * Pictures of feature ordering (paper Sect. 5): the reconstruction gain of the most informative variables
 * and its cumulative share.
 */
public final class FeaturePictures {
    private FeaturePictures() {}

    /** The {@code top} largest reconstruction gains as bars, labelled by variable (paper Sect. 5). */
    public static Picture gains(ReconstructionGain gain, String title, int top) {
        int[] order = gain.top(Math.min(top, gain.gains().length));
        double[] all = gain.gains();
        List<String> labels = new ArrayList<>();
        double[] values = new double[order.length];
        for (int k = 0; k < order.length; k++) {
            labels.add("z" + order[k]);
            values[k] = all[order[k]];
        }
        return Charts.bars(title, labels, values);
    }

    /** The share of the total gain carried by the first k variables, k = 1.., one line per model. */
    public static Picture cumulativeShare(Map<String, ReconstructionGain> gains) {
        XYChart chart = Charts.lineChart(
                "Cumulative share of the reconstruction gain", "most informative variables kept", "share", 360);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        gains.forEach((name, gain) -> {
            double[] share = gain.cumulativeShare();
            double[] k = new double[share.length];
            for (int i = 0; i < k.length; i++) {
                k[i] = i + 1;
            }
            chart.addSeries(name, k, share);
        });
        return Charts.chart(chart);
    }
}
