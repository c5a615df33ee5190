package org.latentmap.features;

import org.latentmap.data.ImageSet;
import org.latentmap.zoo.TrainedModel;

/**
 * The whole of paper Sect. 5 in one call, as notebook 03 does it step by step: the model's reconstruction
 * gain on some images, its {@code variables} most informative variables, the codes of the training data,
 * sectors at the widest threshold of {@link #THRESHOLDS} that still holds half of the codes, and a support
 * set of {@code size} drawn with {@code seed}. {@link #paper()} is the set-up of the shipped support set.
 */
public record SupportSetRecipe(int variables, int size, long seed) {
    /** The thresholds scanned. */
    public static final double[] THRESHOLDS = {0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4};

    /** Seven variables (128 sectors), 150 points (the largest latent space here), seed 1. */
    public static SupportSetRecipe paper() {
        return new SupportSetRecipe(7, 150, 1);
    }

    /** What the recipe found and chose. */
    public record Selection(ReconstructionGain gain, SectorScan scan, Sectors sectors, SupportSet support) {}

    /** Runs the recipe for {@code model}'s latent space over {@code train}, ordering variables on {@code gainImages}. */
    public Selection select(TrainedModel model, ImageSet train, ImageSet gainImages) {
        ReconstructionGain gain = ReconstructionGain.of(model, gainImages);
        SectorScan scan = SectorScan.of(Codes.of(model, train), gain.top(variables), THRESHOLDS);
        Sectors sectors = scan.at(Math.max(0, scan.widestHolding(0.5)));
        return new Selection(gain, scan, sectors, SupportSet.select(sectors, size, seed));
    }
}
