package org.latentmap.data;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * Decoded images kept in one file, so that a folder of JPEGs is decoded once (CelebA's 202,599 take minutes on
 * two cores; reading them back takes seconds). A file holds a key saying what was decoded (folder listing, crop,
 * range), the images' shape and their bytes; one whose key differs is decoded again. Written to a temporary file
 * and moved into place, so an interrupted decoding leaves no half file behind.
 */
public final class ImageCache {
    private static final String MAGIC = "latentmap image cache v1";

    private ImageCache() {}

    /** The images stored in {@code file} under {@code key}, or nothing when it is absent, another key's or damaged. */
    public static Optional<ImageSet> read(Path file, String key) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
            if (!MAGIC.equals(in.readUTF()) || !key.equals(in.readUTF())) {
                return Optional.empty();
            }
            int size = in.readInt();
            int channels = in.readInt();
            int height = in.readInt();
            int width = in.readInt();
            ImageBytes images = ImageBytes.of(size, channels, height, width);
            byte[] image = new byte[images.imageLength()];
            for (int i = 0; i < size; i++) {
                in.readFully(image);
                images.put(i, image);
            }
            return Optional.of(images.toImageSet(null, List.of()));
        } catch (EOFException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new DataException("cannot read the image cache " + file + ": " + e.getMessage(), e);
        }
    }

    /** Stores {@code images} (no labels are kept; values as their nearest level) in {@code file} under {@code key}. */
    public static void write(Path file, String key, ImageSet images) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            try (DataOutputStream out =
                    new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial), 1 << 20))) {
                out.writeUTF(MAGIC);
                out.writeUTF(key);
                out.writeInt(images.size());
                out.writeInt(images.channels());
                out.writeInt(images.height());
                out.writeInt(images.width());
                byte[] levels = new byte[images.imageLength()];
                for (int i = 0; i < images.size(); i++) {
                    float[] values = images.image(i);
                    for (int k = 0; k < values.length; k++) {
                        levels[k] = ImageBytes.level(values[k]);
                    }
                    out.write(levels);
                }
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new DataException(
                    "cannot write the image cache " + file + ": " + e.getMessage()
                            + ". Free some disk space or point the cache elsewhere.",
                    e);
        }
    }
}
