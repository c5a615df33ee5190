package org.latentmap.data;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * CelebA (Liu et al., 2015), the paper's data set, for users who bring it: the images of an
 * {@code img_align_celeba} folder in sorted name order, cut with the paper's crop ({@link Crop#CELEBA}) and
 * split by index as the official partition does (train before 162,770, validation before 182,637, test after).
 * A CelebA-HQ folder is read with {@link Crop#CELEBA_HQ}. Nothing is downloaded: see data/README.md.
 */
public final class CelebA {

    /** First index of the official validation split. */
    public static final int VALIDATION_START = 162_770;
    /** First index of the official test split. */
    public static final int TEST_START = 182_637;
    /** The environment variable that names the user's {@code img_align_celeba} folder. */
    public static final String FOLDER_VARIABLE = "CELEBA_DIR";

    private final ImageFolder images;
    private final Crop crop;

    private CelebA(ImageFolder images, Crop crop) {
        this.images = images;
        this.crop = crop;
    }

    /**
     * The same folder, keeping what {@link #load(int, int)} decodes in {@code cacheFolder} ({@link ImageCache}): the
     * first load of a range decodes its JPEGs, later ones read the cache (the folder's listing, the crop and the
     * range key it, so a changed folder is decoded again).
     */
    public CelebA cachedIn(Path cacheFolder) {
        return new CelebA(images.cachedIn(cacheFolder), crop);
    }

    /**
     * The same folder, its crop resized to {@code side} pixels instead of the paper's 64 (the smoke profile's
     * 32, which keeps the tests short).
     */
    public CelebA resizedTo(int side) {
        return new CelebA(images.resizedTo(side), crop.withOutput(side));
    }

    /** An {@code img_align_celeba} folder (178x218 images), with the paper's CelebA crop. */
    public static CelebA aligned(Path folder) {
        return open(folder, Crop.CELEBA);
    }

    /** A CelebA-HQ folder (1024x1024 images), with the crop that frames them like CelebA. */
    public static CelebA hq(Path folder) {
        return open(folder, Crop.CELEBA_HQ);
    }

    /** The aligned CelebA folder named by {@value #FOLDER_VARIABLE}, when it is set. */
    public static Optional<CelebA> configured() {
        String named = System.getenv(FOLDER_VARIABLE);
        return named == null || named.isBlank() ? Optional.empty() : Optional.of(aligned(Path.of(named)));
    }

    public static CelebA open(Path folder, Crop crop) {
        if (!Files.isDirectory(folder)) {
            throw new DataException(
                    "CelebA folder " + folder + " does not exist. Download the aligned CelebA images "
                            + "(img_align_celeba.zip, see data/README.md), unzip them and point at the img_align_celeba folder.");
        }
        List<Path> files = ImageFolder.images(folder);
        if (files.isEmpty()) {
            throw new DataException("CelebA folder " + folder + " holds no .jpg or .png images. Point at the "
                    + "img_align_celeba folder itself (the one with 000001.jpg ...), not at its parent.");
        }
        return new CelebA(ImageFolder.of(folder, files, crop), crop);
    }

    public Path folder() {
        return images.folder();
    }

    public Crop crop() {
        return crop;
    }

    /** Number of images in the folder. */
    public int size() {
        return images.size();
    }

    /** The image files, sorted by name: index i of every split refers to this order. */
    public List<Path> files() {
        return images.files();
    }

    /** The [from, to) index range of a split, within this folder's images. */
    public int[] range(Split split) {
        int n = size();
        return switch (split) {
            case TRAIN -> new int[] {0, Math.min(n, VALIDATION_START)};
            case VALIDATION -> new int[] {Math.min(n, VALIDATION_START), Math.min(n, TEST_START)};
            case TEST -> new int[] {Math.min(n, TEST_START), n};
        };
    }

    /** Up to {@code limit} images from the start of a split, cropped and resized. */
    public ImageSet load(Split split, int limit) {
        int[] range = range(split);
        if (range[1] <= range[0]) {
            throw new DataException(
                    "the " + split.name().toLowerCase(Locale.ROOT) + " split of " + folder() + " is empty: "
                            + "the folder has " + size() + " images and the split starts at index " + range[0]
                            + ". The full img_align_celeba folder has 202,599 images.");
        }
        return load(range[0], Math.min(range[1], range[0] + limit));
    }

    /**
     * The images with indices [from, to), cropped and resized to 3 x output x output, held as bytes (each value
     * rounded to the nearest k / 255, as the JPEGs store them).
     */
    public ImageSet load(int from, int to) {
        return images.load(from, to);
    }

    /** One original image, uncropped, as stored. */
    public BufferedImage original(int index) {
        return images.original(index);
    }
}
