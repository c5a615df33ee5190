package org.latentmap.show;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.latentmap.data.ImageSet;

/**
 * A grid of images with an optional label before each row, rendered as one PNG: the way the paper shows
 * samples, reconstructions and relocations (original / source / target rows, Fig. 2).
 * Build it from one set ({@link #of(ImageSet)}, wrapped into rows) or from one set per row ({@link #rows}).
 */
public final class ImageGrid extends Picture {

    private ImageGrid(BufferedImage image, String description) {
        super(image, description);
    }

    /** A grid of a set's images, {@code columns} to a row, each pixel drawn {@code scale} x {@code scale}. */
    public static ImageGrid of(ImageSet images, int columns, int scale) {
        if (images.size() == 0) {
            throw new IllegalArgumentException("an image grid needs at least one image; the set is empty");
        }
        int perRow = Math.max(1, Math.min(columns, images.size()));
        List<ImageSet> rows = new ArrayList<>();
        for (int start = 0; start < images.size(); start += perRow) {
            int[] indices = new int[Math.min(perRow, images.size() - start)];
            for (int i = 0; i < indices.length; i++) {
                indices[i] = start + i;
            }
            rows.add(images.select(indices));
        }
        return draw(rows, List.of(), scale);
    }

    /** A grid of a set's images, ten to a row, at twice their size. */
    public static ImageGrid of(ImageSet images) {
        return of(images, 10, 2);
    }

    /** One row per class, headed by the class name: the first {@code perClass} images of each class. */
    public static ImageGrid perClass(ImageSet images, int perClass) {
        if (!images.hasLabels()) {
            throw new IllegalArgumentException("a grid per class needs labelled images; this set has no labels");
        }
        int[] counts = images.classCounts();
        List<String> labels = new ArrayList<>();
        List<ImageSet> rows = new ArrayList<>();
        int[] chosen = images.firstOfEachClass(perClass);
        for (int c = 0; c < counts.length; c++) {
            final int label = c;
            int[] ofClass =
                    Arrays.stream(chosen).filter(i -> images.label(i) == label).toArray();
            if (ofClass.length > 0) {
                labels.add(c < images.classNames().size() ? images.classNames().get(c) : Integer.toString(c));
                rows.add(images.select(ofClass));
            }
        }
        return draw(rows, labels, 2);
    }

    /** One row per set, each headed by its label (labels may be empty). */
    public static ImageGrid rows(List<String> labels, List<ImageSet> rows, int scale) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("an image grid needs at least one row");
        }
        if (!labels.isEmpty() && labels.size() != rows.size()) {
            throw new IllegalArgumentException(labels.size() + " row labels for " + rows.size() + " rows");
        }
        return draw(rows, labels, scale);
    }

    /** One row per set, each headed by its label, at twice the images' size. */
    public static ImageGrid rows(List<String> labels, ImageSet... rows) {
        return rows(labels, List.of(rows), 2);
    }

    private static ImageGrid draw(List<ImageSet> rows, List<String> labels, int scale) {
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be at least 1, got " + scale);
        }
        ImageSet first = rows.get(0);
        int cellW = first.width() * scale;
        int cellH = first.height() * scale;
        int gap = 2;
        int columns = rows.stream().mapToInt(ImageSet::size).max().orElse(0);
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
        int labelWidth = 0;
        if (!labels.isEmpty()) {
            BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = probe.createGraphics();
            FontMetrics metrics = g.getFontMetrics(font);
            for (String label : labels) {
                labelWidth = Math.max(labelWidth, metrics.stringWidth(label) + 12);
            }
            g.dispose();
        }
        int width = labelWidth + columns * (cellW + gap) + gap;
        int height = rows.size() * (cellH + gap) + gap;
        BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(font);
        for (int r = 0; r < rows.size(); r++) {
            ImageSet row = rows.get(r);
            if (row.height() != first.height() || row.width() != first.width()) {
                throw new IllegalArgumentException("row " + r + " holds " + row.width() + "x" + row.height()
                        + " images, row 0 holds " + first.width() + "x" + first.height() + ": all rows need one size");
            }
            int y = gap + r * (cellH + gap);
            if (!labels.isEmpty()) {
                g.setColor(Color.DARK_GRAY);
                FontMetrics metrics = g.getFontMetrics();
                g.drawString(labels.get(r), 4, y + (cellH + metrics.getAscent() - metrics.getDescent()) / 2);
            }
            for (int i = 0; i < row.size(); i++) {
                int x = labelWidth + gap + i * (cellW + gap);
                paint(canvas, row, i, x, y, scale);
            }
        }
        g.dispose();
        int images = rows.stream().mapToInt(ImageSet::size).sum();
        return new ImageGrid(canvas, "ImageGrid[" + images + " images in " + rows.size() + " rows]");
    }

    /** One image of a set at its own size, no border: an explorer's frame. */
    static BufferedImage single(ImageSet set, int index) {
        BufferedImage image = new BufferedImage(set.width(), set.height(), BufferedImage.TYPE_INT_RGB);
        paint(image, set, index, 0, 0, 1);
        return image;
    }

    private static void paint(BufferedImage canvas, ImageSet set, int index, int x0, int y0, int scale) {
        boolean grey = set.channels() == 1;
        for (int y = 0; y < set.height(); y++) {
            for (int x = 0; x < set.width(); x++) {
                int r = level(set.pixel(index, 0, y, x));
                int g = grey ? r : level(set.pixel(index, 1, y, x));
                int b = grey ? r : level(set.pixel(index, 2, y, x));
                int rgb = (r << 16) | (g << 8) | b;
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        canvas.setRGB(x0 + x * scale + dx, y0 + y * scale + dy, rgb);
                    }
                }
            }
        }
    }

    private static int level(float value) {
        return Math.max(0, Math.min(255, Math.round(value * 255f)));
    }
}
