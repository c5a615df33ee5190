package org.latentmap.claims;

import java.util.List;

/**
 * One rule of the claims page ({@link PaperClaims}): reads the result files it needs from {@link ResultTables} and
 * judges the claim of the paper it stands for (or two, where one file answers both), by a rule written beside the
 * claim. A rule whose files this run did not write gives "not testable here" and names them.
 */
@FunctionalInterface
public interface ClaimRule {
    List<Claim> judge(ResultTables results);
}
