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
import org.latentmap.store.Hashes;

/**
 * The JPEG and PNG images of a folder in sorted name order, each framed ({@link Framing}) into a square of RGB
 * values: CelebA's folders with the paper's crop ({@link CelebA}), or any folder of a user's images of mixed sizes
 * with their centred square ({@link #of(Path, int)}). Decoding is slow (about a millisecond an image), so
 * {@link #cachedIn(Path)} keeps what a range decodes ({@link ImageCache}), keyed by the folder's listing, the
 * framing and the range.
 */
public final class ImageFolder {
    /** Seconds between two lines of decoding progress. */
    private static final long PROGRESS_SECONDS = 10;

    private final Path folder;
    private final List<Path> files;
    private final Framing framing;
    private final Path cacheFolder;

    private ImageFolder(Path folder, List<Path> files, Framing framing, Path cacheFolder) {
        this.folder = folder;
        this.files = files;
        this.framing = framing;
        this.cacheFolder = cacheFolder;
    }

    /**
     * A folder of images of any sizes, each its centred square resized to {@code side} pixels. Refused, saying what
     * to do, when the folder does not exist or holds no .jpg, .jpeg or .png image.
     */
    public static ImageFolder of(Path folder, int side) {
        if (!Files.isDirectory(folder)) {
            throw new DataException(
                    "the image folder " + folder + " does not exist: point at a folder of .jpg or .png" + " images");
        }
        List<Path> files = images(folder);
        if (files.isEmpty()) {
            throw new DataException("the folder " + folder + " holds no .jpg, .jpeg or .png image"
                    + (hasImagesBelow(folder)
                            ? ": its images are in folders inside it; point at the folder that holds them"
                            : ": put the images there, or point at the folder that holds them"));
        }
        return new ImageFolder(folder, files, new CenterSquare(side), null);
    }

    /** {@code files} of {@code folder} (sorted), framed by {@code framing}. */
    static ImageFolder of(Path folder, List<Path> files, Framing framing) {
        return new ImageFolder(folder, List.copyOf(files), framing, null);
    }

    /** The .jpg, .jpeg and .png files directly in {@code folder}, sorted by name. */
    static List<Path> images(Path folder) {
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.filter(ImageFolder::isImage).sorted().toList();
        } catch (IOException e) {
            throw new DataException("cannot list the image folder " + folder + ": " + e.getMessage(), e);
        }
    }

    private static boolean hasImagesBelow(Path folder) {
        try (Stream<Path> below = Files.walk(folder, 3)) {
            return below.anyMatch(ImageFolder::isImage);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isImage(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(path) && (name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".png"));
    }

    /**
     * The same folder, keeping what {@link #load(int, int)} decodes in {@code cacheFolder}: the first load of a range
     * decodes its images, later ones read the cache (the folder's listing, the framing and the range key it, so a
     * changed folder is decoded again).
     */
    public ImageFolder cachedIn(Path cacheFolder) {
        return new ImageFolder(folder, files, framing, cacheFolder);
    }

    /** The same folder, its images resized to {@code side} pixels a side. */
    public ImageFolder resizedTo(int side) {
        return new ImageFolder(folder, files, framing.withOutput(side), cacheFolder);
    }

    public Path folder() {
        return folder;
    }

    public Framing framing() {
        return framing;
    }

    /** Number of images in the folder. */
    public int size() {
        return files.size();
    }

    /** The image files, sorted by name: index i of every range refers to this order. */
    public List<Path> files() {
        return files;
    }

    /**
     * The images with indices [from, to), framed, held as bytes (each value rounded to the nearest k / 255, as the
     * files store them).
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
                String.format(Locale.ROOT, "%s-%d-%d-%dpx.images", folder.getFileName(), from, to, framing.output()));
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
        ImageBytes pixels = ImageBytes.of(to - from, 3, framing.output(), framing.output());
        long started = System.nanoTime();
        long lastReport = started;
        for (int i = from; i < to; i++) {
            pixels.put(
                    i - from,
                    framing.apply(read(files.get(i)), files.get(i).getFileName().toString()));
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

    /** What a cached range depends on: the framing, the range, and the folder's {@link #listingHash()}. */
    private String cacheKey(int from, int to) {
        return framing + " [" + from + ", " + to + ") of " + files.size() + " files " + listingHash();
    }

    /**
     * SHA-256 (hex) of the folder's listing, every file's name and size in order: what tells one folder's images from
     * another's, or from the same folder's after a change, without decoding them.
     */
    public String listingHash() {
        StringBuilder listing = new StringBuilder();
        for (Path file : files) {
            try {
                listing.append(file.getFileName())
                        .append(' ')
                        .append(Files.size(file))
                        .append('\n');
            } catch (IOException e) {
                throw new DataException("cannot read the size of " + file + ": " + e.getMessage(), e);
            }
        }
        return Hashes.sha256(listing.toString());
    }

    /** One original image, unframed, as stored. */
    public BufferedImage original(int index) {
        return read(files.get(index));
    }

    private static BufferedImage read(Path file) {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new DataException("cannot decode the image " + file
                        + ": not a JPEG or PNG this Java can read; convert it or take it out of the folder");
            }
            return image;
        } catch (IOException e) {
            throw new DataException(
                    "cannot read the image " + file + " (" + e.getMessage() + "): take it out of the folder", e);
        }
    }
}
