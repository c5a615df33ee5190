package org.latentmap.claims;

import java.util.List;
import java.util.Locale;
import org.latentmap.support.PairwiseError;
import tech.tablesaw.api.Table;

/**
 * Paper Sect. 5: the support set is spread out, read as its images' mean pairwise error at least 1.3 times random
 * pairs' (above 1: partly); the paper has 0.183 against 0.116 on CelebA.
 */
public final class SupportSetSpreadRule implements ClaimRule {
    private static final String CLAIM = "The support set is spread out: its images differ more than random pairs do";

    @Override
    public List<Claim> judge(ResultTables results) {
        return results.judge(PairwiseError.SPREAD_FILE, SupportSetSpreadRule::judge, CLAIM, "5", "0.183 against 0.116");
    }

    private static List<Claim> judge(Table table) {
        double within = table.doubleColumn(PairwiseError.MEAN_IMAGE_MSE).get(0);
        double random = table.doubleColumn(PairwiseError.MEAN_IMAGE_MSE).get(table.rowCount() - 1);
        double ratio = within / random;
        return List.of(new Claim(
                CLAIM,
                "5",
                "0.183 against 0.116 (1.58x)",
                String.format(Locale.ROOT, "%.4f against %.4f (%.2fx)", within, random, ratio),
                Verdict.atLeast(ratio, 1.3, 1.0),
                "rule: the support set's mean pairwise MSE >= 1.3 x random pairs' reproduces it, above 1 partly"));
    }
}
