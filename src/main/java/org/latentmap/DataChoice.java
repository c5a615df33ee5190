package org.latentmap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which data set a run uses, chosen like the {@link Profile} by the environment variable {@value #VARIABLE} (or
 * the system property {@code latentmap.data}): {@code fashion-mnist}, the embedded default, {@code celeba},
 * the paper's data, which the user brings ({@code CELEBA_DIR}, see data/README.md), or {@code folder}, any folder of
 * the user's images ({@code IMAGE_DIR}). The notebooks take their images, zoo entries, result folder and support set
 * from it; the zoo's {@code DataSets} gives the data set each names.
 */
public enum DataChoice {
    FASHION_MNIST("fashion-mnist", "Fashion-MNIST", "embedded, the default"),
    CELEBA("celeba", "CelebA", "yours: set CELEBA_DIR too, see data/README.md"),
    FOLDER("folder", "a folder of images", "any folder of your images: set IMAGE_DIR too");

    public static final String VARIABLE = "LATENTMAP_DATA";

    private final String key;
    private final String displayName;
    private final String help;

    DataChoice(String key, String displayName, String help) {
        this.key = key;
        this.displayName = displayName;
        this.help = help;
    }

    /** The data set this process uses. */
    public static DataChoice current() {
        return parse(System.getProperty("latentmap.data", System.getenv(VARIABLE)));
    }

    /** Reads a data set's name ("celeba", "CelebA", "fashion_mnist"); blank means Fashion-MNIST. */
    public static DataChoice parse(String value) {
        if (value == null || value.isBlank()) {
            return FASHION_MNIST;
        }
        String wanted = value.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (DataChoice choice : values()) {
            if (choice.key.equals(wanted)) {
                return choice;
            }
        }
        List<String> choices = new ArrayList<>();
        for (DataChoice choice : values()) {
            choices.add("'" + choice.key + "' (" + choice.help + ")");
        }
        throw new IllegalArgumentException("unknown data set '" + value + "' in " + VARIABLE + ": use "
                + String.join(", ", choices.subList(0, choices.size() - 1)) + " or " + choices.get(choices.size() - 1));
    }

    /** The name in file names and results folders: "fashion-mnist", "celeba", "folder". */
    public String key() {
        return key;
    }

    /** The name in text: "Fashion-MNIST", "CelebA". */
    public String displayName() {
        return displayName;
    }

    @Override
    public String toString() {
        return key;
    }
}
