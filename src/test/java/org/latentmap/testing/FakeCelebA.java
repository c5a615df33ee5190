package org.latentmap.testing;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Folders laid out like CelebA's, of drawn pictures the tests make (never real faces): {@link #aligned} writes
 * {@code 000001.jpg}... at 178x218 like {@code img_align_celeba}, {@link #hq} {@code 0.jpg}... at 1024x1024 like
 * CelebA-HQ. Each picture is a gradient background with an ellipse and two shapes of varied colours, sizes and
 * places, drawn from a seeded random source: the same call writes the same files.
 */
public final class FakeCelebA {
    private FakeCelebA() {}

    /** {@code count} JPEG images of 178x218 in {@code folder} (created), unless it already holds them. */
    public static Path aligned(Path folder, int count) {
        return write(folder, count, 178, 218, "%06d.jpg", 1);
    }

    /** {@code count} JPEG images of 1024x1024 in {@code folder} (created), unless it already holds them. */
    public static Path hq(Path folder, int count) {
        return write(folder, count, 1024, 1024, "%d.jpg", 0);
    }

    private static Path write(Path folder, int count, int width, int height, String names, int first) {
        try {
            Files.createDirectories(folder);
            Random random = new Random(count * 31L + width);
            for (int i = 0; i < count; i++) {
                Path file = folder.resolve(String.format(names, i + first));
                BufferedImage image = picture(random, width, height);
                if (!Files.isRegularFile(file)) {
                    ImageIO.write(image, "jpg", file.toFile());
                }
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedImage picture(Random random, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, colour(random), width, height, colour(random)));
        g.fillRect(0, 0, width, height);
        double s = width / 178.0;
        int w = (int) ((60 + random.nextInt(50)) * s);
        int h = (int) (w * (1.1 + 0.3 * random.nextDouble()));
        int x = (int) ((59 + random.nextInt(60)) * s) - w / 2;
        int y = (int) ((90 + random.nextInt(60)) * s) - h / 2;
        g.setColor(colour(random));
        g.fillOval(x, y, w, h);
        g.setColor(colour(random));
        g.fillRect(x + w / 4, y + h / 3, w / 6, h / 10);
        g.fillRect(x + w * 7 / 12, y + h / 3, w / 6, h / 10);
        g.setStroke(new BasicStroke((float) (3 * s)));
        g.setColor(colour(random));
        g.drawArc(x + w / 4, y + h / 2, w / 2, h / 4, 200, 140);
        g.dispose();
        return image;
    }

    private static Color colour(Random random) {
        return new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256));
    }
}
