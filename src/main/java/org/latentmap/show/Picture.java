package org.latentmap.show;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/** A rendered picture shown as PNG: the base of image grids and charts. */
public class Picture extends Rich {
    private final BufferedImage image;
    private final String description;

    public Picture(BufferedImage image, String description) {
        this.image = image;
        this.description = description;
    }

    public BufferedImage image() {
        return image;
    }

    public int width() {
        return image.getWidth();
    }

    public int height() {
        return image.getHeight();
    }

    @Override
    protected Map<String, String> createBundle() {
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put(PNG, Base64.getEncoder().encodeToString(pngBytes(image)));
        bundle.put(TEXT, description);
        return bundle;
    }

    static byte[] pngBytes(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding failed", e);
        }
    }
}
