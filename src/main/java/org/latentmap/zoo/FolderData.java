package org.latentmap.zoo;

import java.nio.file.Path;
import java.util.Locale;
import org.latentmap.DataChoice;
import org.latentmap.Profile;
import org.latentmap.data.DataException;
import org.latentmap.data.ImageFolder;

/**
 * Any folder of a user's JPEG and PNG images ({@value #FOLDER_VARIABLE}), of any sizes: each image's centred square,
 * resized to 64 pixels (32 in the smoke profile) as CelebA's crops are, decoded once into a cache beside the zoo,
 * split 80 / 10 / 10 in file-name order (train, left out, test) as a small CelebA folder is. No labels. Its key names
 * the folder and a hash of its listing, so the zoo never hands a model trained on one folder to another.
 */
final class FolderData implements DataSet {
    /** The environment variable naming the folder of images. */
    static final String FOLDER_VARIABLE = "IMAGE_DIR";

    /** The fewest images the walkthrough runs on: 160 to train on, 20 to test. */
    static final int MIN_IMAGES = 200;

    private final ImageFolder images;
    private final Path cacheFolder;
    private final String key;

    /**
     * The images of {@code folder}, decoded once into {@code cacheFolder}; refused, saying what to do, when it cannot
     * be read or has too few.
     */
    FolderData(Path folder, Path cacheFolder) {
        this.images = ImageFolder.of(folder, 32);
        this.cacheFolder = cacheFolder;
        requireEnough(images.size(), images.folder());
        Path absolute = folder.toAbsolutePath().normalize();
        String name =
                absolute.getFileName() == null ? "" : absolute.getFileName().toString();
        String clean =
                name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        this.key = "folder-" + (clean.isEmpty() ? "images" : clean) + "-"
                + images.listingHash().substring(0, 8);
    }

    /** The folder {@value #FOLDER_VARIABLE} names; its absence or a folder that cannot be used is refused naming it. */
    static FolderData configured() {
        String named = System.getenv(FOLDER_VARIABLE);
        if (named == null || named.isBlank()) {
            throw new DataException(DataChoice.VARIABLE + "=folder needs " + FOLDER_VARIABLE
                    + ", a folder of .jpg or .png images of any sizes: set it before starting Jupyter, or set "
                    + DataChoice.VARIABLE + "=fashion-mnist for the embedded data");
        }
        try {
            return new FolderData(Path.of(named), WalkthroughData.imageCache());
        } catch (DataException e) {
            throw new DataException(
                    DataChoice.VARIABLE + "=folder, but " + FOLDER_VARIABLE + " cannot be used: " + e.getMessage(), e);
        }
    }

    /** "folder-", the folder's name, and 8 hex digits of a hash of its files' names and sizes. */
    @Override
    public String key() {
        return key;
    }

    @Override
    public String displayName() {
        return "the images of " + images.folder();
    }

    @Override
    public Images load(Profile profile) {
        int side = WalkthroughData.side(profile);
        ImageFolder sized = images.resizedTo(side).cachedIn(cacheFolder);
        WalkthroughData.Cut cut =
                WalkthroughData.cut(profile, WalkthroughData.proportionalSplits(sized.size()), side, sized::load);
        return new Images(
                cut.train(),
                cut.test(),
                String.format(
                        Locale.ROOT,
                        "%,d images of %s, each its centred square: the first 80%% train, the last 10%% test",
                        sized.size(),
                        sized.folder()));
    }

    /** Refuses a folder with fewer than {@value #MIN_IMAGES} images, saying how many it has. */
    static void requireEnough(int images, Path folder) {
        if (images < MIN_IMAGES) {
            throw new DataException(String.format(
                    Locale.ROOT,
                    "%s holds %,d images; the walkthrough needs at least %d (%d to train on, %d to test): add"
                            + " images, or point %s at a larger folder",
                    folder,
                    images,
                    MIN_IMAGES,
                    MIN_IMAGES * 8 / 10,
                    MIN_IMAGES / 10,
                    FOLDER_VARIABLE));
        }
    }
}
