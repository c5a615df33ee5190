package org.latentmap.exercises;

import java.util.Locale;
import org.latentmap.data.ImageSet;
import org.latentmap.features.Traversal;
import org.latentmap.linalg.CodeMatrix;
import org.latentmap.model.LatentModel;

/**
 * Exercise "find the variable that changes one visual factor" (paper Sect. 5, the traversals of Fig. 6):
 * brightness, the images' mean pixel. A variable's effect is the mean, over base codes, of how much the mean
 * pixel changes between the two ends of its traversal ({@link Traversal#PAPER_RANGE}); an answer is right when
 * its effect is within a tenth of the strongest variable's (near ties are both right).
 */
public final class VisualFactor {
    /** How close to the strongest effect a right answer must come. */
    static final double SHARE_OF_STRONGEST = 0.9;

    private final String factor;
    private final double[] effects;

    private VisualFactor(String factor, double[] effects) {
        this.factor = factor;
        this.effects = effects;
    }

    /** Brightness under {@code model}, traversed from each of {@code bases} (codes of images, one per row). */
    public static VisualFactor brightness(LatentModel model, CodeMatrix bases) {
        if (bases.size() == 0) {
            throw new IllegalArgumentException(
                    "no base codes: give the codes of a few images, such as Codes.of(model, test.head(20))");
        }
        double[] effects = new double[model.latentSize()];
        for (int v = 0; v < effects.length; v++) {
            double sum = 0;
            for (int b = 0; b < bases.size(); b++) {
                ImageSet ends = Traversal.of(model, bases.row(b), v, 2, Traversal.PAPER_RANGE);
                sum += Math.abs(ends.select(1).meanPixel() - ends.select(0).meanPixel());
            }
            effects[v] = sum / bases.size();
        }
        return new VisualFactor("brightness", effects);
    }

    /** Right when {@code variable}'s effect is at least 90% of the strongest variable's. */
    public Verdict check(int variable) {
        int n = effects.length;
        if (variable < 0 || variable >= n) {
            return Verdict.notYet(
                    "answer with a variable in [0, " + n + "): " + variable + " is none of the model's variables"
                            + (variable == -1 ? " (-1 is the placeholder: replace it with your answer)." : "."));
        }
        double strongest = 0;
        for (double e : effects) {
            strongest = Math.max(strongest, e);
        }
        int rank = 1;
        for (double e : effects) {
            if (e > effects[variable]) {
                rank++;
            }
        }
        String numbers = String.format(
                Locale.ROOT,
                "variable %d changes the %s by %.4f on average across its traversal, rank %d of %d",
                variable,
                factor,
                effects[variable],
                rank,
                n);
        if (effects[variable] >= SHARE_OF_STRONGEST * strongest) {
            return Verdict.right(
                    numbers + ". Compare the first and last images of its traversal: the garment's grey level shifts.");
        }
        return Verdict.notYet(String.format(
                Locale.ROOT,
                "%s; the strongest changes it by %.4f. Measure each variable's change "
                        + "of the mean pixel between the two ends of its traversal, averaged over the base codes, and take the largest.",
                numbers,
                strongest));
    }
}
