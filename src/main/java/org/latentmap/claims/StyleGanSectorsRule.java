package org.latentmap.claims;

import java.util.List;
import java.util.Locale;
import org.latentmap.support.SectorComparison;
import org.latentmap.zoo.ModelFamily;
import tech.tablesaw.api.Table;

/**
 * Paper Sect. 7, Fig. 13: StyleGAN's samples shun the outer sectors where the support set lives, read as fewer of its
 * samples in a sector (at most 0.8 times the data's share) and fewer sectors reached than the GAN's samples (one of
 * the two: partly). The rows are named by their models' families.
 */
public final class StyleGanSectorsRule implements ClaimRule {
    private static final String CLAIM = "StyleGAN's samples shun the outer sectors where the support set lives";

    @Override
    public List<Claim> judge(ResultTables results) {
        return results.judge(
                SectorComparison.SUMMARY_FILE,
                StyleGanSectorsRule::judge,
                CLAIM,
                "7, Fig. 13",
                "not a space for minorities");
    }

    private static List<Claim> judge(Table table) {
        String style = ModelFamily.STYLE_GAN.displayName();
        double styleShare = ResultTables.value(table, style, SectorComparison.SAMPLES_IN_SECTORS);
        double dataShare = ResultTables.value(table, style, SectorComparison.DATA_IN_SECTORS);
        double styleReached = ResultTables.value(table, style, SectorComparison.SECTORS_REACHED);
        double ganReached = ResultTables.value(table, ModelFamily.GAN.displayName(), SectorComparison.SECTORS_REACHED);
        int holding = (styleShare <= 0.8 * dataShare ? 1 : 0) + (styleReached < ganReached ? 1 : 0);
        return List.of(
                new Claim(
                        CLAIM,
                        "7, Fig. 13",
                        "samples avoid the outer sectors",
                        String.format(
                                Locale.ROOT,
                                "%.1f%% of samples in a sector against %.1f%% of the data; %.0f sectors reached against the GAN's %.0f",
                                styleShare,
                                dataShare,
                                styleReached,
                                ganReached),
                        Verdict.share(holding, 2, 0.5),
                        "rule: fewer samples in sectors (<= 0.8 x the data's share) and fewer sectors reached than the GAN reproduce it, one of the two partly"));
    }
}
