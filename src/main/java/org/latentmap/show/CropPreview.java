package org.latentmap.show;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.latentmap.data.CelebA;
import org.latentmap.data.Crop;
import org.latentmap.data.ImageSet;

/** CelebA before and after the paper's crop (Sect. 4.1): each original with the crop outlined, its result below. */
final class CropPreview {

    private CropPreview() {}

    static Picture of(CelebA celeba, int count) {
        int n = Math.min(count, celeba.size());
        if (n <= 0) {
            throw new IllegalArgumentException("count must be positive, got " + count);
        }
        Crop crop = celeba.crop();
        double shrink = Math.min(1.0, 218.0 / crop.sourceHeight());
        int ow = (int) Math.round(crop.sourceWidth() * shrink);
        int oh = (int) Math.round(crop.sourceHeight() * shrink);
        int cropScale = Math.max(1, ow / crop.output());
        int gap = 6;
        int cell = Math.max(ow, crop.output() * cropScale);
        BufferedImage canvas = new BufferedImage(
                n * (cell + gap) + gap, oh + crop.output() * cropScale + 3 * gap, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        ImageSet cropped = celeba.load(0, n);
        for (int i = 0; i < n; i++) {
            int x = gap + i * (cell + gap);
            g.drawImage(celeba.original(i), x, gap, ow, oh, null);
            g.setColor(Color.RED);
            g.setStroke(new BasicStroke(2f));
            g.drawRect(
                    x + (int) Math.round(crop.left() * shrink),
                    gap + (int) Math.round(crop.top() * shrink),
                    (int) Math.round(crop.side() * shrink),
                    (int) Math.round(crop.side() * shrink));
            BufferedImage result = ImageGrid.of(cropped.select(i), 1, cropScale).image();
            g.drawImage(result, x + (ow - result.getWidth()) / 2, oh + 2 * gap - 2, null);
        }
        g.dispose();
        return new Picture(canvas, "CelebA crop preview of " + n + " images");
    }
}
