package org.latentmap.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

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

    private final Path folder;
    private final List<Path> files;
    private final Crop crop;

    private CelebA(Path folder, List<Path> files, Crop crop) {
        this.folder = folder;
        this.files = files;
        this.crop = crop;
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
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(CelebA::isImage).sorted().toList();
        } catch (IOException e) {
            throw new DataException("cannot list CelebA folder " + folder + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new DataException("CelebA folder " + folder + " holds no .jpg or .png images. Point at the "
                    + "img_align_celeba folder itself (the one with 000001.jpg ...), not at its parent.");
        }
        return new CelebA(folder, files, crop);
    }

    private static boolean isImage(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(path) && (name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".png"));
    }

    public Path folder() {
        return folder;
    }

    public Crop crop() {
        return crop;
    }

    /** Number of images in the folder. */
    public int size() {
        return files.size();
    }

    /** The image files, sorted by name: index i of every split refers to this order. */
    public List<Path> files() {
        return files;
    }

    /** The [from, to) index range of a split, within this folder's images. */
    public int[] range(Split split) {
        int n = files.size();
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
                    "the " + split.name().toLowerCase(Locale.ROOT) + " split of " + folder + " is empty: "
                            + "the folder has " + files.size() + " images and the split starts at index " + range[0]
                            + ". The full img_align_celeba folder has 202,599 images.");
        }
        return load(range[0], Math.min(range[1], range[0] + limit));
    }

    /** The images with indices [from, to), cropped and resized to 3 x output x output. */
    public ImageSet load(int from, int to) {
        if (from < 0 || to > files.size() || from >= to) {
            throw new DataException(
                    "image range [" + from + ", " + to + ") is outside this folder's " + files.size() + " images");
        }
        int length = 3 * crop.output() * crop.output();
        float[] pixels = new float[(to - from) * length];
        for (int i = from; i < to; i++) {
            float[] image =
                    crop.apply(read(files.get(i)), files.get(i).getFileName().toString());
            System.arraycopy(image, 0, pixels, (i - from) * length, length);
        }
        return new ImageSet(pixels, to - from, 3, crop.output(), crop.output(), null, List.of());
    }

    /** One original image, uncropped, as stored. */
    public BufferedImage original(int index) {
        return read(files.get(index));
    }

    private static BufferedImage read(Path file) {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new DataException("cannot decode image " + file + ": not a JPEG or PNG the JDK can read");
            }
            return image;
        } catch (IOException e) {
            throw new DataException("cannot read image " + file + ": " + e.getMessage(), e);
        }
    }
}
