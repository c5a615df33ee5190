package org.latentmap.support;

import org.latentmap.Profile;
import org.latentmap.data.ImageSet;
import org.latentmap.features.Codes;
import org.latentmap.features.ReconstructionGain;
import org.latentmap.zoo.TrainedModel;

/**
 * The whole of paper Sect. 5 in one call, as notebook 03 does it step by step: the model's reconstruction
 * gain on some images, its {@code variables} most informative variables, the codes of the training data,
 * sectors under {@code reading} at the widest threshold of {@link #thresholds} that still holds half of the
 * codes, and a support set of {@code size} drawn with {@code seed}. {@link #paper()} is the set-up of the
 * shipped support set.
 */
public record SupportSetRecipe(int variables, int size, long seed, SectorReading reading) {
    /** The thresholds scanned under the text's reading (a distance from the origin in n coordinates). */
    public static final double[] THRESHOLDS = {0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4};
    /**
     * The thresholds scanned under Fig. 7's reading, where every one of the n coordinates must pass th, so
     * a far smaller th already leaves most codes outside every sector.
     */
    public static final double[] EVERY_COORDINATE_THRESHOLDS = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1, 1.5};

    /** Seven variables (128 sectors), 150 points (the largest latent space here), seed 1, the text's reading. */
    public static SupportSetRecipe paper() {
        return paper(SectorReading.DISTANCE_FROM_ORIGIN);
    }

    /** The paper's set-up under either reading of its sectors. */
    public static SupportSetRecipe paper(SectorReading reading) {
        return new SupportSetRecipe(7, 150, 1, reading);
    }

    /** The thresholds a scan under {@code reading} tries. */
    public static double[] thresholds(SectorReading reading) {
        return reading == SectorReading.DISTANCE_FROM_ORIGIN ? THRESHOLDS.clone() : EVERY_COORDINATE_THRESHOLDS.clone();
    }

    /** What the recipe found and chose. */
    public record Selection(ReconstructionGain gain, SectorScan scan, Sectors sectors, SupportSet support) {}

    /** How many of the training images (the first ones) the standard selection orders the variables on. */
    public static final int GAIN_IMAGES = 256;

    /** The images the smoke profile orders the variables on: enough to run every step, few enough for the tests. */
    public static final int SMOKE_GAIN_IMAGES = 8;

    /** How many training images the variables are ordered on in {@code profile}. */
    public static int gainImages(Profile profile) {
        return profile == Profile.SMOKE ? SMOKE_GAIN_IMAGES : GAIN_IMAGES;
    }

    /**
     * Runs the recipe for {@code model}'s latent space over {@code train}, ordering the variables on the first
     * {@value #GAIN_IMAGES} training images ({@value #SMOKE_GAIN_IMAGES} for a smoke-profile model): the selection
     * notebook 03 makes step by step and ships.
     */
    public Selection select(TrainedModel model, ImageSet train) {
        return select(model, train, train.head(Math.min(gainImages(model.profile()), train.size())));
    }

    /** Runs the recipe for {@code model}'s latent space over {@code train}, ordering variables on {@code gainImages}. */
    public Selection select(TrainedModel model, ImageSet train, ImageSet gainImages) {
        ReconstructionGain gain = ReconstructionGain.of(model, gainImages);
        SectorScan scan = SectorScan.of(Codes.of(model, train), gain.top(variables), reading, thresholds(reading));
        Sectors sectors = scan.at(Math.max(0, scan.widestHolding(0.5)));
        SupportSetOrigin origin = SupportSetOrigin.of(model, train, sectors, seed);
        return new Selection(
                gain, scan, sectors, SupportSet.select(sectors, size, seed).withOrigin(origin));
    }
}
