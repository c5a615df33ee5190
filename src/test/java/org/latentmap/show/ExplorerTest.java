package org.latentmap.show;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.latentmap.data.ImageSet;
import org.latentmap.model.LatentModel;
import org.latentmap.relocation.LinearMap;
import org.latentmap.testing.HandModels;
import org.latentmap.zoo.ModelFamily;

class ExplorerTest {
    /** Decoding divides the code by (1, 2): pixel x = z_x / scale_x. */
    private static final LatentModel HALVING =
            HandModels.scaling("halving", ModelFamily.VAE, 1, 2).model();

    private static ImageSet oneImage() {
        return new ImageSet(new float[] {0.25f, 0.5f}, 1, 1, 1, 2, null, null);
    }

    static int[] greys(String base64Png) throws IOException {
        BufferedImage image =
                ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64Png)));
        int[] greys = new int[image.getWidth() * image.getHeight()];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                greys[y * image.getWidth() + x] = image.getRGB(x, y) & 0xff;
            }
        }
        return greys;
    }

    private static int level(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value * 255)));
    }

    @Test
    void everyFrameIsTheModelsDecodingOfTheCodeAtItsSliderPositions() throws IOException {
        Explorer explorer =
                Explorer.of(HALVING, oneImage(), 0, 1).steps(5).range(1).build();
        assertArrayEquals(new double[] {-1, -0.5, 0, 0.5, 1}, explorer.values(), 1e-12);
        assertArrayEquals(new float[] {0.25f, 1f}, explorer.code(), 1e-7f, "the image's code: (0.25 * 1, 0.5 * 2)");
        for (int p0 = 0; p0 < 5; p0++) {
            for (int p1 = 0; p1 < 5; p1++) {
                double z0 = explorer.values()[p0];
                double z1 = explorer.values()[p1];
                assertArrayEquals(
                        new int[] {level(z0), level(z1 / 2)},
                        greys(explorer.frame(0, p0, p1)),
                        "positions " + p0 + ", " + p1);
            }
        }
    }

    @Test
    void aViewBesideFollowsTheSameSlidersThroughItsMap() throws IOException {
        LinearMap swap = LinearMap.of(new double[][] {{0, 1}, {1, 0}}, null);
        Explorer explorer = Explorer.of(HALVING, oneImage(), 0)
                .steps(3)
                .range(1)
                .beside("swapped", HALVING, swap)
                .build();
        assertEquals(List.of("halving", "swapped"), explorer.views());
        // position 2 sets z0 = 1; the code (1, 1) swapped is (1, 1); decoded: (1, 0.5)
        assertArrayEquals(new int[] {255, level(0.5)}, greys(explorer.frame(1, 2)));
        // position 0 sets z0 = -1: own view (-1 -> 0, 1 / 2); swapped (1, -1) -> (1, -0.5 -> 0)
        assertArrayEquals(new int[] {0, level(0.5)}, greys(explorer.frame(0, 0)));
        assertArrayEquals(new int[] {255, 0}, greys(explorer.frame(1, 0)));
    }

    @Test
    void framesAreNumberedWithTheFirstSliderAsTheSlowestDigit() {
        assertEquals(1 * 25 + 3 * 5 + 4, Explorer.frame(new int[] {1, 3, 4}, 5));
        for (int f = 0; f < 125; f++) {
            assertEquals(f, Explorer.frame(Explorer.positions(f, 3, 5), 5));
        }
    }

    @Test
    void thePageCarriesWhatItShowsAndStartsAtTheImagesOwnCode() {
        Explorer explorer =
                Explorer.of(HALVING, oneImage(), 1).steps(5).range(1).build();
        String html = explorer.bundle().get(Rich.HTML);
        assertTrue(html.contains("data-variables=\"[1]\""), html);
        assertTrue(html.contains("data-code=\"[0.25,1.0]\""), html);
        assertTrue(html.contains("value=\"4\""), "z1 = 1 is the last of -1, -0.5, 0, 0.5, 1");
        assertTrue(html.contains("oninput="), "the sliders' handlers");
        assertTrue(!html.contains("<script"), "no script element: the handlers are the page's only code");
    }

    @Test
    void badSetUpsSayWhatToChange() {
        var image = oneImage();
        assertThrows(
                IllegalArgumentException.class, () -> Explorer.of(HALVING, HandModels.images(2, 1), 0), "two images");
        assertThrows(IllegalArgumentException.class, () -> Explorer.of(HALVING, image, 2), "no variable 2");
        assertThrows(IllegalArgumentException.class, () -> Explorer.of(HALVING, image), "no slider");
        assertThrows(IllegalArgumentException.class, () -> Explorer.of(HALVING, image, 0, 1, 0, 1, 0), "five sliders");
        IllegalArgumentException tooMany = assertThrows(
                IllegalArgumentException.class,
                () -> Explorer.of(HALVING, image, 0, 1, 0, 1).steps(8).build());
        assertTrue(tooMany.getMessage().contains("4096 frames"), tooMany.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> Explorer.of(HALVING, image, 0).steps(1));
        assertThrows(
                IllegalArgumentException.class,
                () -> Explorer.of(HALVING, image, 0)
                        .beside("wrong", HALVING, LinearMap.of(new double[][] {{1, 0, 0}, {0, 1, 0}}, null)));
    }
}
