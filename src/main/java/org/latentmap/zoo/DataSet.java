package org.latentmap.zoo;

import java.util.Optional;
import org.latentmap.Profile;
import org.latentmap.data.ImageSet;

/**
 * A data set the walkthrough runs on, the extension point for new data as {@link ModelFamily} is for new models:
 * its key (in the zoo's entries and file names), its name in text, a check of what it needs before anything loads,
 * its training and test images cut to a profile, and the support set the project ships for it, if any. Built in
 * ({@link DataSets}): Fashion-MNIST (embedded), CelebA ({@code CELEBA_DIR}) and any folder of images
 * ({@code IMAGE_DIR}); {@link WalkthroughData#of(DataSet, Profile)} takes any other. CONTRIBUTING's fourth recipe
 * adds one.
 */
public interface DataSet {
    /** The name in the zoo and in file names ("fashion-mnist"): lower case, digits and '-'. */
    String key();

    /** The name in text ("Fashion-MNIST"). */
    String displayName();

    /**
     * Checks what the data set needs (a folder, a variable) before anything loads; a {@code DataException} says
     * what is wrong and what to set. The notebooks' first cell calls it.
     */
    default void check() {}

    /** The training images (cut to the profile) and the test images, with a line saying where they come from. */
    Images load(Profile profile);

    /**
     * The file under the project's {@code data/support-sets/} holding the support set selected on {@code train} by the
     * zoo's Split-VAE 1 of the full profile, when the project ships one for exactly these training images.
     */
    default Optional<String> shippedSupportSet(ImageSet train) {
        return Optional.empty();
    }

    /** A data set's images for one profile, and where they come from (a line for people). */
    record Images(ImageSet train, ImageSet test, String source) {}
}
