package org.latentmap.relocation;

/**
 * A step a {@link MapFit} applies to both spaces' codes before its {@link Aligner} fits a map between them, as
 * Maiorca et al. (<i>Latent Space Translation via Semantic Alignment</i>, NeurIPS 2023) and their latentis library
 * do: the steps' statistics come from the fit points alone (their "anchors"), and the fitted map undoes the target's
 * steps, so that it still takes raw source codes to raw target codes. Steps apply in the order of this enum.
 */
public enum PreStep {
    /** Each variable less its mean over the fit points. */
    CENTRING("centring"),
    /**
     * Each variable less its mean over the fit points, over its standard deviation there (the population's, divided
     * by n; a constant variable keeps 1). Any map between spaces scaled alike by one factor is unchanged by the choice
     * between n and n - 1.
     */
    STANDARD_SCALING("standard scaling"),
    /**
     * The smaller space widened to the larger one's size by variables that are always 0 (after the other steps), so
     * that an orthogonal aligner has a square problem; the padded source variables get no weight, the padded target
     * variables are dropped from the map.
     */
    ZERO_PADDING("zero padding");

    private final String label;

    PreStep(String label) {
        this.label = label;
    }

    /** The step's name in a fit's name and recipe, such as "standard scaling". */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
