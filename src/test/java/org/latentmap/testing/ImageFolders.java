package org.latentmap.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * A folder of a user's images as the tests make them: drawn pictures ({@link FakeCelebA}'s) of mixed sizes, from
 * 24 to 120 pixels a side, landscape, portrait and square, every other one a PNG, the rest JPEGs; seeded, so the same
 * call writes the same files.
 */
public final class ImageFolders {
    private ImageFolders() {}

    /** {@code count} images in {@code folder} (created), drawn from {@code seed}. */
    public static Path mixed(Path folder, int count, long seed) {
        try {
            Files.createDirectories(folder);
            Random random = new Random(seed);
            for (int i = 0; i < count; i++) {
                int width = 24 + random.nextInt(97);
                int height = 24 + random.nextInt(97);
                String format = i % 2 == 0 ? "png" : "jpg";
                Path file = folder.resolve(String.format(Locale.ROOT, "image-%04d.%s", i, format));
                ImageIO.write(FakeCelebA.picture(random, width, height), format, file.toFile());
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
