package org.latentmap.zoo;

import org.latentmap.data.ImageSet;
import org.latentmap.data.TypicalSubset;

/**
 * What the StyleGAN of paper Sect. 7 trains on: a curated set (CelebA-HQ, or its stand-in, the typical half of
 * the training images) and a random control of the same size, each with its name in the zoo; and the typical
 * subset of the training images with its random half, which tell how a set chosen for typicality treats the
 * support set ({@link WalkthroughData#curated()}).
 *
 * @param description which curated set this is, in words
 * @param key the curated set's name in the zoo
 * @param images the curated images
 * @param controlKey the control's name in the zoo
 * @param control random training images, as many as the curated ones (at most all of them)
 * @param typical the typical half of the training images
 * @param randomHalf a random half of the training images, class by class
 */
public record CuratedData(
        String description,
        String key,
        ImageSet images,
        String controlKey,
        ImageSet control,
        TypicalSubset typical,
        TypicalSubset randomHalf) {

    /** Whether the curated images are the typical subset of the training images (no CelebA-HQ folder given). */
    public boolean isStandIn() {
        return !key.endsWith("-hq");
    }

    @Override
    public String toString() {
        return "curated: " + description + " (" + images.size() + " images); control: " + control.size()
                + " random training images";
    }
}
