package org.latentmap.claims;

import java.util.List;
import java.util.Locale;
import org.latentmap.features.ReconstructionGain;
import org.latentmap.zoo.ModelFamily;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * Paper Sect. 4, Fig. 5: only a bunch of the Split-VAE's variables carry its reconstruction, read as 90% of its
 * reconstruction gain in at most a quarter of its variables (at most half: partly).
 */
public final class FewVariablesRule implements ClaimRule {
    private static final String CLAIM = "Only a bunch of the Split-VAE's variables carry its reconstruction";

    @Override
    public List<Claim> judge(ResultTables results) {
        return results.judge(
                ReconstructionGain.FILE, FewVariablesRule::judge, CLAIM, "4, Fig. 5", "a few of 150 variables");
    }

    private static List<Claim> judge(Table table) {
        for (Row row : table) {
            if (row.getString(ReconstructionGain.MODEL).startsWith(ModelFamily.SPLIT_VAE.displayName())) {
                int latent = row.getInt(ReconstructionGain.LATENT_SIZE);
                int most = row.getInt(ReconstructionGain.FOR_90);
                double share = (double) most / latent;
                return List.of(
                        new Claim(
                                CLAIM,
                                "4, Fig. 5",
                                "a few of 150 variables (Fig. 5)",
                                String.format(
                                        Locale.ROOT,
                                        "%d of %d variables carry 90%% of the gain (%s)",
                                        most,
                                        latent,
                                        row.getString(ReconstructionGain.MODEL)),
                                Verdict.atMost(share, 0.25, 0.5),
                                "rule: 90% of the gain in at most a quarter of the variables reproduces it, at most half partly"));
            }
        }
        return List.of(Claim.notTestable(
                CLAIM, "4, Fig. 5", "a few of 150 variables", "a Split-VAE row in " + ReconstructionGain.FILE.name()));
    }
}
