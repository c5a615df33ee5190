package org.latentmap.zoo;

import org.latentmap.Profile;
import org.latentmap.data.FashionMnist;
import org.latentmap.data.ImageSet;

/** The images the zoo's models train on in each profile: all of a training split, or its first 2,048 for smoke runs. */
public final class TrainingData {
    /** The zoo's name for Fashion-MNIST. */
    public static final String FASHION_MNIST = "fashion-mnist";

    private TrainingData() {}

    /** Fashion-MNIST's training split (padded to 32x32), cut to the profile's size. */
    public static ImageSet fashionMnist(Profile profile) {
        return forProfile(FashionMnist.train(), profile);
    }

    /** The whole set, or its first 2,048 images in the smoke profile. */
    public static ImageSet forProfile(ImageSet train, Profile profile) {
        return profile == Profile.SMOKE ? train.head(Math.min(train.size(), 2048)) : train;
    }
}
