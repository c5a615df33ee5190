package org.latentmap.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.latentmap.ProjectFolder;
import org.latentmap.data.ImageSet;
import org.latentmap.zoo.DataSets;
import org.latentmap.zoo.TrainedModel;
import org.latentmap.zoo.ZooStore;

/**
 * The support sets the project ships under {@code data/support-sets/}, and the one the relocation notebooks
 * use: the shipped set when it was selected on these data by this very model (its header's checkpoint hash),
 * else one selected now from the data by {@link SupportSetRecipe#paper()}, with a line saying why.
 */
public final class SupportSets {
    /** The shipped set of notebook 03: 150 images of Fashion-MNIST's 60,000 training images. */
    public static final String FASHION_MNIST = DataSets.FASHION_MNIST_SUPPORT_SET;

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
                .orElseThrow(() -> new IllegalStateException(
                        "no data/support-sets folder in the project: run from inside the project"
                                + ", put its target/latentmap.jar on the class path, or set " + ProjectFolder.VARIABLE
                                + " to the project's folder"));
    }

    /**
     * The support set for relocations over {@code train}: the set the project ships for these training images ({@link DataSets#shippedSupportSet}: Fashion-MNIST's whole
     * training split) when this very model selected it, else the paper's recipe on
     * {@code model}'s codes of {@code train} ({@link SupportSetRecipe#select(TrainedModel, ImageSet)}), with a
     * line saying why the shipped set was not used.
     */
    public static SupportSet standard(ImageSet train, TrainedModel model) {
        Optional<String> file = DataSets.shippedSupportSet(model.dataset(), train);
        if (file.isPresent()) {
            SupportSet shipped = shipped(file.get());
            String stale = staleness(shipped, train, model);
            if (stale == null) {
                return shipped;
            }
            System.out.println("The shipped support set " + file.get() + " " + stale + ": selecting one from "
                    + model.name() + "'s codes instead (" + SupportSetRecipe.paper() + ").");
        }
        return SupportSetRecipe.paper().select(model, train).support();
    }

    /**
     * Refuses {@code set} for data its indices do not point into (another data set, or another number of
     * images), and says so when another model selected it (its sectors were another space's: using it is
     * meaningful, but it is not this model's support set). A set without an origin passes with a line saying
     * nothing can be checked.
     */
    public static void check(SupportSet set, ImageSet train, String dataset, TrainedModel model) {
        SupportSetOrigin origin = set.origin();
        if (origin == null) {
            System.out.println("This support set does not say where it came from: nothing checked.");
            return;
        }
        if (!origin.pointsInto(dataset, train.size())) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "this support set was selected on %s (%,d images), not on %s (%,d images): its indices point"
                            + " into other images; select one for these data (SupportSetRecipe.paper().select)",
                    origin.dataset(),
                    origin.images(),
                    dataset,
                    train.size()));
        }
        if (!origin.selectedBy(model)) {
            System.out.println("Note: this support set was selected by " + origin.model() + " (checkpoint "
                    + SupportSetOrigin.shortHash(origin.checkpoint()) + "), not by " + model.name() + " (checkpoint "
                    + SupportSetOrigin.shortHash(ZooStore.checkpointHash(model)) + "): its sectors are that model's.");
        }
    }

    /** Why the shipped set is not this model's on these data, or null when it is. */
    private static String staleness(SupportSet shipped, ImageSet train, TrainedModel model) {
        SupportSetOrigin origin = shipped.origin();
        if (origin == null) {
            return "does not say which model selected it";
        }
        if (!origin.pointsInto(model.dataset(), train.size())) {
            return "was selected on " + origin.dataset() + " (" + origin.images() + " images)";
        }
        if (!origin.selectedBy(model)) {
            return "was selected by another " + origin.model() + " (checkpoint "
                    + SupportSetOrigin.shortHash(origin.checkpoint()) + ", this zoo's "
                    + SupportSetOrigin.shortHash(ZooStore.checkpointHash(model)) + ")";
        }
        return null;
    }
}
