package org.latentmap.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CelebATest {
    @TempDir
    Path dir;

    /** Writes n lossless 178x218 images whose blue channel is the image's index (files written in reverse). */
    private void images(int n) throws IOException {
        for (int i = n - 1; i >= 0; i--) {
            ImageIO.write(
                    CropTest.gradient(178, 218, i),
                    "png",
                    dir.resolve(String.format("%06d.png", i + 1)).toFile());
        }
        Files.writeString(dir.resolve("list_eval_partition.txt"), "not an image");
    }

    @Test
    void readsImagesInNameOrderAndAppliesThePaperCrop() throws IOException {
        images(4);
        CelebA celeba = CelebA.aligned(dir);
        assertEquals(4, celeba.size(), "only images count, in sorted name order");
        ImageSet set = celeba.load(1, 4);
        assertEquals(3, set.size());
        assertEquals(3, set.channels());
        assertEquals(64, set.height());
        for (int i = 0; i < 3; i++) {
            assertEquals((i + 1) / 255f, set.pixel(i, 2, 5, 5), 1e-6, "image " + i + " is file " + (i + 2));
        }
        // the crop interpolates to 45.5 / 255; the set holds bytes, the nearest level (half a level away)
        assertEquals(45.5f / 255, set.pixel(0, 0, 0, 0), 0.5f / 255 + 1e-6);
        assertEquals(0, Math.round(set.pixel(0, 0, 0, 0) * 255 * 1000) % 1000, "a whole level k / 255");
    }

    @Test
    void officialSplitByIndex() throws IOException {
        images(3);
        CelebA celeba = CelebA.aligned(dir);
        assertArrayEquals(new int[] {0, 3}, celeba.range(Split.TRAIN));
        assertArrayEquals(new int[] {3, 3}, celeba.range(Split.VALIDATION));
        assertEquals(162_770, CelebA.VALIDATION_START);
        assertEquals(182_637, CelebA.TEST_START);
        assertEquals(2, celeba.load(Split.TRAIN, 2).size());
        DataException e = assertThrows(DataException.class, () -> celeba.load(Split.TEST, 10));
        assertTrue(e.getMessage().contains("test split"), e.getMessage());
        assertTrue(e.getMessage().contains("202,599"), e.getMessage());
    }

    @Test
    void missingFolderSaysWhereToGetTheImages() {
        DataException e = assertThrows(DataException.class, () -> CelebA.aligned(dir.resolve("img_align_celeba")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains("data/README.md"), e.getMessage());
    }

    @Test
    void emptyFolderSuggestsTheRightOne() throws IOException {
        Files.createDirectories(dir.resolve("img_align_celeba"));
        DataException e = assertThrows(DataException.class, () -> CelebA.aligned(dir));
        assertTrue(e.getMessage().contains("holds no .jpg or .png images"), e.getMessage());
        assertTrue(e.getMessage().contains("not at its parent"), e.getMessage());
    }

    @Test
    void imageOfTheWrongSizeIsNamed() throws IOException {
        images(1);
        ImageIO.write(
                new BufferedImage(1024, 1024, BufferedImage.TYPE_INT_RGB),
                "png",
                dir.resolve("000002.png").toFile());
        CelebA celeba = CelebA.aligned(dir);
        DataException e = assertThrows(DataException.class, () -> celeba.load(0, 2));
        assertTrue(e.getMessage().contains("000002.png is 1024x1024"), e.getMessage());
    }

    @Test
    void hqFolderUsesTheHqCrop() throws IOException {
        ImageIO.write(
                CropTest.gradient(1024, 1024, 9),
                "png",
                dir.resolve("00000.png").toFile());
        ImageSet set = CelebA.hq(dir).load(0, 1);
        // the crop interpolates to 26.375 / 255, held as the nearest level, 26 / 255
        assertEquals(26f / 255, set.pixel(0, 0, 0, 0), 1e-6);
    }

    @Test
    void decodedImagesAreKeptAndReadBackUntilTheFolderChanges(@TempDir Path cache) throws IOException {
        images(4);
        ImageSet first = CelebA.aligned(dir).cachedIn(cache).load(0, 3);
        Path file = cache.resolve(dir.getFileName() + "-0-3-64px.images");
        assertTrue(Files.isRegularFile(file), "the decoded range is kept");
        // read back: the same values; a damaged file is decoded again, not trusted
        assertEquals(
                first.fingerprint(),
                CelebA.aligned(dir).cachedIn(cache).load(0, 3).fingerprint());
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertEquals(
                first.fingerprint(),
                CelebA.aligned(dir).cachedIn(cache).load(0, 3).fingerprint());
        assertEquals(whole.length, Files.size(file), "written again whole");
        assertTrue(ImageCache.read(file, "another folder").isEmpty(), "a file under another key is not used");
        // a folder whose images changed is decoded again: image 1 now all black
        ImageIO.write(
                new BufferedImage(178, 218, BufferedImage.TYPE_INT_RGB),
                "png",
                dir.resolve("000002.png").toFile());
        ImageSet changed = CelebA.aligned(dir).cachedIn(cache).load(0, 3);
        assertEquals(0f, changed.pixel(1, 2, 5, 5));
    }
}
