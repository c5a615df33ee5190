package org.latentmap.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderTest {
    @TempDir
    Path folder;

    /** A {@code width} x {@code height} image: its centred square {@code centre}, the rest {@code edge}. */
    private static BufferedImage framed(int width, int height, Color centre, Color edge) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(edge);
        g.fillRect(0, 0, width, height);
        int side = Math.min(width, height);
        g.setColor(centre);
        g.fillRect((width - side) / 2, (height - side) / 2, side, side);
        g.dispose();
        return image;
    }

    private void write(String name, BufferedImage image) throws IOException {
        String format = name.toLowerCase().endsWith(".png") ? "png" : "jpg";
        assertTrue(ImageIO.write(image, format, folder.resolve(name).toFile()));
    }

    @Test
    void imagesOfMixedSizesAndFormatsBecomeTheirCentredSquares() throws IOException {
        write("b-landscape.png", framed(40, 20, Color.RED, Color.BLUE));
        write("a-portrait.PNG", framed(12, 30, Color.GREEN, Color.BLUE));
        write("c-square.jpg", framed(64, 64, Color.WHITE, Color.WHITE));
        Files.writeString(folder.resolve("notes.txt"), "not an image");
        ImageFolder images = ImageFolder.of(folder, 8);
        assertEquals(3, images.size());
        assertEquals(
                List.of("a-portrait.PNG", "b-landscape.png", "c-square.jpg"),
                images.files().stream().map(p -> p.getFileName().toString()).toList());
        ImageSet set = images.load(0, 3);
        assertEquals(List.of(3, 3, 8, 8), List.of(set.size(), set.channels(), set.height(), set.width()));
        float[] portrait = set.image(0);
        float[] landscape = set.image(1);
        for (int p = 0; p < 64; p++) {
            // only the centre is sampled: pure green and pure red, no blue edge
            assertEquals(0, portrait[p], 1e-6);
            assertEquals(1, portrait[64 + p], 1e-6);
            assertEquals(0, portrait[128 + p], 1e-6);
            assertEquals(1, landscape[p], 1e-6);
            assertEquals(0, landscape[128 + p], 1e-6);
        }
        assertEquals(1, set.image(2)[100], 0.02, "a JPEG's white stays white");
    }

    @Test
    void theCentredSquareOfEachShape() {
        assertEquals(new Crop(0, 10, 20, 8, 40, 20), new CenterSquare(8).cropOf(40, 20));
        assertEquals(new Crop(9, 0, 12, 8, 12, 30), new CenterSquare(8).cropOf(12, 30));
        assertEquals(new Crop(0, 0, 5, 8, 5, 5), new CenterSquare(8).cropOf(5, 5), "a small image is enlarged");
    }

    @Test
    void aCacheKeepsWhatWasDecodedAndTheSideKeysIt() throws IOException {
        write("one.png", framed(30, 20, Color.RED, Color.BLUE));
        write("two.png", framed(20, 30, Color.GREEN, Color.BLUE));
        Path cache = folder.resolve("cache");
        ImageSet first = ImageFolder.of(folder, 8).cachedIn(cache).load(0, 2);
        try (var files = Files.list(cache)) {
            assertEquals(1, files.count());
        }
        assertEquals(
                first.fingerprint(),
                ImageFolder.of(folder, 8).cachedIn(cache).load(0, 2).fingerprint());
        ImageSet bigger =
                ImageFolder.of(folder, 8).resizedTo(16).cachedIn(cache).load(0, 2);
        assertEquals(16, bigger.width());
    }

    @Test
    void aMissingOrEmptyFolderSaysWhatToDo() throws IOException {
        DataException missing = assertThrows(DataException.class, () -> ImageFolder.of(folder.resolve("nowhere"), 32));
        assertTrue(
                missing.getMessage().endsWith("does not exist: point at a folder of .jpg or .png images"),
                missing.getMessage());
        DataException empty = assertThrows(DataException.class, () -> ImageFolder.of(folder, 32));
        assertTrue(
                empty.getMessage()
                        .endsWith("holds no .jpg, .jpeg or .png image: put the images there, or point"
                                + " at the folder that holds them"),
                empty.getMessage());
        Files.createDirectories(folder.resolve("faces"));
        ImageIO.write(
                framed(10, 10, Color.RED, Color.RED),
                "png",
                folder.resolve("faces/x.png").toFile());
        DataException nested = assertThrows(DataException.class, () -> ImageFolder.of(folder, 32));
        assertTrue(
                nested.getMessage()
                        .endsWith("its images are in folders inside it; point at the folder that holds" + " them"),
                nested.getMessage());
    }

    @Test
    void anUnreadableImageIsNamedWithWhatToDo() throws IOException {
        write("good.png", framed(10, 10, Color.RED, Color.RED));
        Files.writeString(folder.resolve("broken.jpg"), "these bytes are no JPEG");
        ImageFolder images = ImageFolder.of(folder, 8);
        DataException e = assertThrows(DataException.class, () -> images.load(0, 2));
        assertTrue(e.getMessage().contains("broken.jpg"), e.getMessage());
        assertTrue(e.getMessage().contains("take it out of the folder"), e.getMessage());
    }
}
