package org.latentmap.claims;

import java.util.List;
import java.util.Locale;
import org.latentmap.stylegan.InversionComparison;
import tech.tablesaw.api.Table;

/**
 * Paper Sect. 7, Fig. 11: StyleGAN's re-coder draws the support set far worse than its own samples (0.251 against
 * 0.026), read as at least 5 times the own samples' error (at least 2 times: partly).
 */
public final class StyleGanRecoderRule implements ClaimRule {
    private static final String CLAIM = "StyleGAN's re-coder draws the support set far worse than its own samples";

    @Override
    public List<Claim> judge(ResultTables results) {
        return results.judge(
                InversionComparison.FILE, StyleGanRecoderRule::judge, CLAIM, "7, Fig. 11", "0.251 against 0.026 (10x)");
    }

    private static List<Claim> judge(Table table) {
        double own = ResultTables.value(table, InversionComparison.OWN_SAMPLES, InversionComparison.RECODER_MSE);
        double support = ResultTables.value(table, InversionComparison.SUPPORT_SET, InversionComparison.RECODER_MSE);
        return List.of(new Claim(
                CLAIM,
                "7, Fig. 11",
                "0.251 against 0.026 (10x)",
                String.format(Locale.ROOT, "%.4f against %.4f (%.0fx)", support, own, support / own),
                Verdict.atLeast(support / own, 5, 2),
                "rule: the support set's re-coder error >= 5 x the own samples' reproduces it, >= 2 x partly"));
    }
}
