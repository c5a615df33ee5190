package org.latentmap.features;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.latentmap.ProjectFolder;
import org.latentmap.data.ImageSet;
import org.latentmap.zoo.TrainedModel;

/**
 * The support sets the project ships under {@code data/support-sets/}, and the one the relocation notebooks
 * use: the shipped set when the data are Fashion-MNIST's full training split, else (the smoke profile's
 * smaller data) one selected from the data by {@link SupportSetRecipe#paper()}.
 */
public final class SupportSets {
    /** The shipped set of notebook 03: 150 images of Fashion-MNIST's 60,000 training images. */
    public static final String FASHION_MNIST = "fashion-mnist-split-vae-seed1.txt";

    private static final int FASHION_MNIST_TRAIN = 60_000;

    private SupportSets() {}

    /** A shipped support set, found under the project's {@code data/support-sets/} (see {@link #folder()}). */
    public static SupportSet shipped(String name) {
        try {
            return SupportSet.load(folder().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped support set " + name, e);
        }
    }

    /**
     * The project's {@code data/support-sets/} ({@link ProjectFolder}).
     */
    public static Path folder() {
        return ProjectFolder.find()
                .map(project -> project.resolve("data").resolve("support-sets"))
                .filter(Files::isDirectory)
                .orElseThrow(() ->
                        new IllegalStateException("no data/support-sets folder in the project: run from the project"
                                + " (or its notebooks folder) or set " + ProjectFolder.VARIABLE
                                + " to the project's folder"));
    }

    /**
     * The support set for relocations over {@code train}: the shipped Fashion-MNIST set when {@code train} is
     * the whole training split, else the paper's recipe on {@code model}'s codes of {@code train} (variables
     * ordered on its first 64 images).
     */
    public static SupportSet standard(ImageSet train, TrainedModel model) {
        if (train.size() == FASHION_MNIST_TRAIN) {
            return shipped(FASHION_MNIST);
        }
        return SupportSetRecipe.paper().select(model, train, train.head(64)).support();
    }
}
