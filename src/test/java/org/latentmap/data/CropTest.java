package org.latentmap.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** The paper's two crops, checked pixel for pixel against values worked out by hand. */
class CropTest {

    /** An image whose red is the row, green the column, blue a constant: bilinear sampling of it is exact. */
    static BufferedImage gradient(int width, int height, int blue) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, ((y % 256) << 16) | ((x % 256) << 8) | blue);
            }
        }
        return image;
    }

    private static float at(float[] planar, int output, int channel, int y, int x) {
        return planar[channel * output * output + y * output + x];
    }

    @Test
    void celebaCropAveragesEachTwoByTwoBlockOfTheCroppedSquare() {
        float[] out = Crop.CELEBA.apply(gradient(178, 218, 77), "test");
        assertEquals(3 * 64 * 64, out.length);
        // Output (0, 0) reads rows 45-46 and columns 25-26 of the original: red 45.5, green 25.5.
        assertEquals(45.5f / 255, at(out, 64, 0, 0, 0), 1e-6);
        assertEquals(25.5f / 255, at(out, 64, 1, 0, 0), 1e-6);
        assertEquals(77f / 255, at(out, 64, 2, 0, 0), 1e-6);
        // Output (63, 63) reads rows 171-172 and columns 151-152: the crop ends at row 172, column 152.
        assertEquals(171.5f / 255, at(out, 64, 0, 63, 63), 1e-6);
        assertEquals(151.5f / 255, at(out, 64, 1, 63, 63), 1e-6);
        // Output (10, 20) reads rows 65-66 and columns 65-66.
        assertEquals(65.5f / 255, at(out, 64, 0, 10, 20), 1e-6);
        assertEquals(65.5f / 255, at(out, 64, 1, 10, 20), 1e-6);
    }

    @Test
    void celebaCropIgnoresEverythingOutsideTheSquare() {
        BufferedImage image = new BufferedImage(178, 218, BufferedImage.TYPE_INT_RGB);
        // White everywhere except the crop square (rows 45..172, columns 25..152), which is black.
        for (int y = 0; y < 218; y++) {
            for (int x = 0; x < 178; x++) {
                boolean inside = y >= 45 && y < 173 && x >= 25 && x < 153;
                image.setRGB(x, y, inside ? 0 : 0xffffff);
            }
        }
        for (float v : Crop.CELEBA.apply(image, "test")) {
            assertEquals(0f, v);
        }
    }

    @Test
    void celebaHqCropSamplesBilinearlyWithHalfPixelCentres() {
        float[] out = Crop.CELEBA_HQ.apply(gradient(1024, 1024, 5), "test");
        // Scale 880 / 64 = 13.75. Output 0 reads source (0 + 0.5) * 13.75 - 0.5 = 6.375 inside the crop:
        // row 20 + 6.375 = 26.375, column 60 + 6.375 = 66.375.
        assertEquals(26.375f / 255, at(out, 64, 0, 0, 0), 1e-5);
        assertEquals(66.375f / 255, at(out, 64, 1, 0, 0), 1e-5);
        // Output 1 reads 1.5 * 13.75 - 0.5 = 20.125: row 40.125, column 80.125.
        assertEquals(40.125f / 255, at(out, 64, 0, 1, 1), 1e-5);
        assertEquals(80.125f / 255, at(out, 64, 1, 1, 1), 1e-5);
        // Output 9 reads 9.5 * 13.75 - 0.5 = 130.125: row 150.125, column 190.125.
        assertEquals(150.125f / 255, at(out, 64, 0, 9, 9), 1e-5);
        assertEquals(190.125f / 255, at(out, 64, 1, 9, 9), 1e-5);
        assertEquals(5f / 255, at(out, 64, 2, 9, 9), 1e-6);
    }

    @Test
    void imageOfTheWrongSizeIsRefusedWithWhatWasExpected() {
        DataException e = assertThrows(
                DataException.class,
                () -> Crop.CELEBA.apply(new BufferedImage(250, 250, BufferedImage.TYPE_INT_RGB), "000001.jpg"));
        assertTrue(e.getMessage().contains("000001.jpg is 250x250"), e.getMessage());
        assertTrue(e.getMessage().contains("expects 178x218"), e.getMessage());
        assertTrue(e.getMessage().contains("img_align_celeba"), e.getMessage());
    }

    @Test
    void aCropThatDoesNotFitIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Crop(100, 100, 128, 64, 178, 218));
    }
}
