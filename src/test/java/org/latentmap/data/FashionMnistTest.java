package org.latentmap.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistTest {
    @TempDir
    Path dir;

    /** Two 28x28 images whose pixel (y, x) is (y + x + i) % 256, labels 3 and 9. */
    private Path smallFolder(boolean gzip) throws IOException {
        int[] pixels = new int[2 * 28 * 28];
        for (int i = 0; i < 2; i++) {
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    pixels[i * 784 + y * 28 + x] = (y + x + i * 100) % 256;
                }
            }
        }
        String suffix = gzip ? ".gz" : "";
        IdxFiles.write(dir.resolve("train-images-idx3-ubyte" + suffix), new int[] {2, 28, 28}, pixels, gzip);
        IdxFiles.write(dir.resolve("train-labels-idx1-ubyte" + suffix), new int[] {2}, new int[] {3, 9}, gzip);
        return dir;
    }

    @Test
    void padsTo32ScalesToUnitRangeAndKeepsLabels() throws IOException {
        for (boolean gzip : new boolean[] {true, false}) {
            ImageSet set = FashionMnist.load(smallFolder(gzip), Split.TRAIN);
            assertEquals(2, set.size());
            assertEquals(1, set.channels());
            assertEquals(32, set.height());
            assertEquals(32, set.width());
            assertEquals(3, set.label(0));
            assertEquals("Ankle boot", set.className(1));
            // The 28x28 image sits 2 pixels in from each side; the frame is black.
            assertEquals(0f, set.pixel(0, 0, 0, 0));
            assertEquals(0f, set.pixel(0, 0, 1, 31));
            assertEquals(0f, set.pixel(1, 0, 31, 5));
            assertEquals(0 / 255f, set.pixel(0, 0, 2, 2));
            assertEquals((5 + 7) / 255f, set.pixel(0, 0, 2 + 5, 2 + 7), 1e-7);
            assertEquals((27 + 27 + 100) / 255f, set.pixel(1, 0, 29, 29), 1e-7);
        }
    }

    @Test
    void missingDataSetSaysHowToInstallIt() {
        DataException e =
                assertThrows(DataException.class, () -> FashionMnist.load(dir.resolve("not-installed"), Split.TRAIN));
        assertTrue(e.getMessage().contains("Fashion-MNIST is not installed"), e.getMessage());
        assertTrue(e.getMessage().contains("apt-get install dataset-fashion-mnist"), e.getMessage());
        assertTrue(e.getMessage().contains(FashionMnist.FOLDER_VARIABLE), e.getMessage());
    }

    @Test
    void emptyFolderNamesTheFilesItNeeds() {
        DataException e = assertThrows(DataException.class, () -> FashionMnist.load(dir, Split.TEST));
        assertTrue(e.getMessage().contains("t10k-images-idx3-ubyte(.gz) is missing"), e.getMessage());
    }

    @Test
    void labelsThatDoNotMatchTheImagesAreRefused() throws IOException {
        smallFolder(false);
        IdxFiles.write(dir.resolve("train-labels-idx1-ubyte"), new int[] {3}, new int[] {1, 2, 3}, false);
        DataException e = assertThrows(DataException.class, () -> FashionMnist.load(dir, Split.TRAIN));
        assertTrue(e.getMessage().contains("3 labels for 2 images"), e.getMessage());
    }

    @Test
    void thereIsNoValidationSplit() {
        DataException e = assertThrows(DataException.class, () -> FashionMnist.load(dir, Split.VALIDATION));
        assertTrue(e.getMessage().contains("only a train and a test split"), e.getMessage());
    }

    @Test
    void theInstalledDataSetHasTheShippedSplit() {
        assumeTrue(Files.isDirectory(FashionMnist.DEBIAN_FOLDER), "dataset-fashion-mnist is not installed");
        ImageSet train = FashionMnist.load(FashionMnist.DEBIAN_FOLDER, Split.TRAIN);
        ImageSet test = FashionMnist.load(FashionMnist.DEBIAN_FOLDER, Split.TEST);
        assertEquals(60_000, train.size());
        assertEquals(10_000, test.size());
        assertArrayEquals(new int[] {6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000}, train.classCounts());
        assertArrayEquals(new int[] {1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000}, test.classCounts());
        // Known first label of the training file (Xiao et al.'s release): an ankle boot.
        assertEquals(9, train.label(0));
        double mean = train.meanPixel();
        // 28x28 mean of Fashion-MNIST is about 0.286; padding to 32x32 scales it by 784/1024.
        assertEquals(0.286 * 784 / 1024, mean, 0.003);
    }
}
