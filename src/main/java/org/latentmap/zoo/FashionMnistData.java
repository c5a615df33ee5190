package org.latentmap.zoo;

import java.util.Optional;
import org.latentmap.Profile;
import org.latentmap.data.FashionMnist;
import org.latentmap.data.ImageSet;

/** Fashion-MNIST (Xiao et al., 2017) from Debian's package, padded to 32x32: the embedded default data set. */
final class FashionMnistData implements DataSet {
    static final int TRAINING_IMAGES = 60_000;

    @Override
    public String key() {
        return TrainingData.FASHION_MNIST;
    }

    @Override
    public String displayName() {
        return "Fashion-MNIST";
    }

    @Override
    public Images load(Profile profile) {
        return new Images(
                TrainingData.fashionMnist(profile),
                FashionMnist.test(),
                "Fashion-MNIST from " + FashionMnist.defaultFolder());
    }

    @Override
    public Optional<String> shippedSupportSet(ImageSet train) {
        return train.size() == TRAINING_IMAGES ? Optional.of(DataSets.FASHION_MNIST_SUPPORT_SET) : Optional.empty();
    }
}
