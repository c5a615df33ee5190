package org.latentmap.claims;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.latentmap.metrics.Baselines;
import org.latentmap.stylegan.InversionComparison;
import tech.tablesaw.api.Table;

/**
 * Paper Sect. 7, Fig. 12: StyleGAN cannot draw the support set even by optimising w, read as an optimised error no
 * better than drawing the class mean (the mean image for data without labels); no better than the nearest training
 * image: partly.
 */
public final class StyleGanOptimisationRule implements ClaimRule {
    private static final String CLAIM = "StyleGAN cannot draw the support set, even by optimising w";

    @Override
    public List<Claim> judge(ResultTables results) {
        Optional<Table> inversion = results.read(InversionComparison.FILE);
        Optional<Table> baselines = results.read(Baselines.FILE);
        if (inversion.isEmpty() || baselines.isEmpty()) {
            return List.of(Claim.notTestable(
                    CLAIM, "7, Fig. 12", "fails", InversionComparison.FILE + " and " + Baselines.FILE));
        }
        double support =
                ResultTables.value(inversion.get(), InversionComparison.SUPPORT_SET, InversionComparison.OPTIMISED_MSE);
        double classMean = ResultTables.baseline(baselines.get(), Baselines.CLASS_MEAN_ROW);
        String trivial = "class-mean";
        if (Double.isNaN(classMean)) {
            classMean = ResultTables.baseline(baselines.get(), Baselines.MEAN_IMAGE_ROW);
            trivial = "mean-image";
        }
        double nearest = ResultTables.baseline(baselines.get(), Baselines.NEAREST_TRAINING_ROW);
        Verdict verdict = support >= classMean
                ? Verdict.REPRODUCED
                : support >= nearest ? Verdict.PARTLY : Verdict.NOT_REPRODUCED;
        return List.of(
                new Claim(
                        CLAIM,
                        "7, Fig. 12",
                        "optimisation fails on the support set",
                        String.format(
                                Locale.ROOT,
                                "optimised w draws it at %.4f (%s baseline %.4f, nearest training image %.4f)",
                                support,
                                trivial,
                                classMean,
                                nearest),
                        verdict,
                        "rule: an optimised error no better than drawing the class mean (the mean image for data without labels) reproduces it, no better than the nearest training image partly"));
    }
}
