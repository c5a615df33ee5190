package org.latentmap.zoo;

import java.util.List;
import java.util.Optional;
import org.latentmap.DataChoice;
import org.latentmap.data.ImageSet;

/**
 * The built-in data sets ({@link DataSet}), one per {@link DataChoice}: what {@code LATENTMAP_DATA} names. A data set
 * of one's own needs no entry here: pass it to {@link WalkthroughData#of(DataSet, org.latentmap.Profile)}.
 */
public final class DataSets {
    /** The support set the project ships for Fashion-MNIST, selected on its 60,000 training images. */
    public static final String FASHION_MNIST_SUPPORT_SET = "fashion-mnist-split-vae-seed1.txt";

    private DataSets() {}

    /** The data set {@code choice} names; CelebA and a folder read their variables (CELEBA_DIR, IMAGE_DIR) now. */
    public static DataSet of(DataChoice choice) {
        return switch (choice) {
            case FASHION_MNIST -> new FashionMnistData();
            case CELEBA -> new CelebAData();
            case FOLDER -> FolderData.configured();
        };
    }

    /** The data set {@code LATENTMAP_DATA} names. */
    public static DataSet current() {
        return of(DataChoice.current());
    }

    /**
     * The file of the support set the project ships for {@code train}, images of the data set whose key is
     * {@code key} (a zoo model's {@link TrainedModel#dataset()}), if it ships one for exactly these images.
     */
    public static Optional<String> shippedSupportSet(String key, ImageSet train) {
        for (DataSet dataSet : List.of(new FashionMnistData(), new CelebAData())) {
            if (dataSet.key().equals(key)) {
                return dataSet.shippedSupportSet(train);
            }
        }
        return Optional.empty();
    }
}
