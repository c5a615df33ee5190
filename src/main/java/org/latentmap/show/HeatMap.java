package org.latentmap.show;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * A square matrix drawn as a grid of coloured cells, every row and column labelled and every value written
 * in its cell: for similarities between models, where each label matters (chart libraries thin them out).
 * Colours run from white at {@code low} to dark blue at {@code high}.
 */
final class HeatMap {
    private static final int CELL = 42;
    private static final Color HIGH = new Color(25, 55, 130);

    private HeatMap() {}

    static Picture draw(String title, List<String> names, double[][] values, double low, double high) {
        if (values.length != names.size()) {
            throw new IllegalArgumentException(names.size() + " names for a matrix of " + values.length + " rows");
        }
        if (!(high > low)) {
            throw new IllegalArgumentException("the colour scale needs low < high; got " + low + " and " + high);
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i].length != names.size()) {
                throw new IllegalArgumentException(
                        "row " + i + " has " + values[i].length + " values for " + names.size() + " names");
            }
        }
        Font labelFont = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        Font valueFont = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
        Font titleFont = new Font(Font.SANS_SERIF, Font.BOLD, 14);
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        FontMetrics metrics = probe.createGraphics().getFontMetrics(labelFont);
        int labelWidth = names.stream().mapToInt(metrics::stringWidth).max().orElse(0) + 10;
        int n = names.size();
        int top = 30 + labelWidth;
        int width = labelWidth + n * CELL + 20;
        int height = top + n * CELL + 10;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(titleFont);
        g.drawString(title, 8, 20);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = values[i][j];
                double t = Math.max(0, Math.min(1, (v - low) / (high - low)));
                Color cell = new Color(
                        mix(255, HIGH.getRed(), t), mix(255, HIGH.getGreen(), t), mix(255, HIGH.getBlue(), t));
                int x = labelWidth + j * CELL;
                int y = top + i * CELL;
                g.setColor(cell);
                g.fillRect(x, y, CELL, CELL);
                g.setColor(new Color(230, 230, 230));
                g.drawRect(x, y, CELL, CELL);
                g.setFont(valueFont);
                g.setColor(t > 0.55 ? Color.WHITE : Color.BLACK);
                String text = String.format(Locale.ROOT, "%.2f", v);
                g.drawString(text, x + (CELL - g.getFontMetrics().stringWidth(text)) / 2, y + CELL / 2 + 4);
            }
        }
        g.setFont(labelFont);
        g.setColor(Color.BLACK);
        for (int i = 0; i < n; i++) {
            String name = names.get(i);
            g.drawString(name, labelWidth - 6 - metrics.stringWidth(name), top + i * CELL + CELL / 2 + 4);
            AffineTransform saved = g.getTransform();
            g.translate(labelWidth + i * CELL + CELL / 2 + 4, top - 6);
            g.rotate(-Math.PI / 2);
            g.drawString(name, 0, 0);
            g.setTransform(saved);
        }
        g.dispose();
        return new Picture(image, title);
    }

    private static int mix(int from, int to, double t) {
        return (int) Math.round(from + (to - from) * t);
    }
}
