package org.latentmap.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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

    /** Seconds between two lines of decoding progress. */
    private static final long PROGRESS_SECONDS = 10;

    private final Path folder;
    private final List<Path> files;
    private final Crop crop;
    private final Path cacheFolder;

    private CelebA(Path folder, List<Path> files, Crop crop, Path cacheFolder) {
        this.folder = folder;
        this.files = files;
        this.crop = crop;
        this.cacheFolder = cacheFolder;
    }

    /**
     * The same folder, keeping what {@link #load(int, int)} decodes in {@code cacheFolder} ({@link ImageCache}): the
     * first load of a range decodes its JPEGs, later ones read the cache (the folder's listing, the crop and the
     * range key it, so a changed folder is decoded again).
     */
    public CelebA cachedIn(Path cacheFolder) {
        return new CelebA(folder, files, crop, cacheFolder);
    }

    /**
     * The same folder, its crop resized to {@code side} pixels instead of the paper's 64 (the smoke profile's
     * 32, which keeps the tests short).
     */
    public CelebA resizedTo(int side) {
        return new CelebA(folder, files, crop.withOutput(side), cacheFolder);
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
        return new CelebA(folder, files, crop, null);
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

    /**
     * The images with indices [from, to), cropped and resized to 3 x output x output, held as bytes (each value
     * rounded to the nearest k / 255, as the JPEGs store them).
     */
    public ImageSet load(int from, int to) {
        if (from < 0 || to > files.size() || from >= to) {
            throw new DataException(
                    "image range [" + from + ", " + to + ") is outside this folder's " + files.size() + " images");
        }
        if (cacheFolder == null) {
            return decode(from, to);
        }
        String key = cacheKey(from, to);
        Path file = cacheFolder.resolve(
                String.format(Locale.ROOT, "%s-%d-%d-%dpx.images", folder.getFileName(), from, to, crop.output()));
        Optional<ImageSet> cached = ImageCache.read(file, key);
        if (cached.isPresent()) {
            return cached.get();
        }
        ImageSet decoded = decode(from, to);
        ImageCache.write(file, key, decoded);
        System.out.println(String.format(
                Locale.ROOT, "%,d decoded images kept in %s: the next load reads them from there", to - from, file));
        return decoded;
    }

    private ImageSet decode(int from, int to) {
        ImageBytes pixels = ImageBytes.of(to - from, 3, crop.output(), crop.output());
        long started = System.nanoTime();
        long lastReport = started;
        for (int i = from; i < to; i++) {
            pixels.put(
                    i - from,
                    crop.apply(read(files.get(i)), files.get(i).getFileName().toString()));
            long now = System.nanoTime();
            if (now - lastReport > PROGRESS_SECONDS * 1_000_000_000L) {
                lastReport = now;
                double perImage = (now - started) / 1e9 / (i - from + 1);
                System.out.println(String.format(
                        Locale.ROOT,
                        "decoding %s: %,d of %,d images, about %.0f s left",
                        folder.getFileName(),
                        i - from + 1,
                        to - from,
                        perImage * (to - i - 1)));
            }
        }
        return pixels.toImageSet(null, List.of());
    }

    /** What a cached range depends on: the crop, the range, and every file's name and size in the folder. */
    private String cacheKey(int from, int to) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : files) {
                digest.update((file.getFileName() + " " + Files.size(file) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return crop + " [" + from + ", " + to + ") of " + files.size() + " files "
                    + HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new DataException("cannot read the sizes of the images in " + folder + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
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
