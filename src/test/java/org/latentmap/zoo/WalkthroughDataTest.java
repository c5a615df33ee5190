package org.latentmap.zoo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.latentmap.DataChoice;
import org.latentmap.Profile;
import org.latentmap.data.CelebA;
import org.latentmap.data.DataException;
import org.latentmap.support.SupportSets;

class WalkthroughDataTest {
    @Test
    void aWholeCelebAFolderKeepsTheOfficialSplit() {
        int[][] ranges = WalkthroughData.splits(202_599);
        assertArrayEquals(new int[] {0, CelebA.VALIDATION_START}, ranges[0]);
        assertArrayEquals(new int[] {CelebA.TEST_START, 202_599}, ranges[1]);
    }

    @Test
    void aSmallerFolderIsSplitInTheOfficialProportions() {
        int[][] ranges = WalkthroughData.splits(400);
        assertArrayEquals(new int[] {0, 320}, ranges[0], "the first 80% train");
        assertArrayEquals(new int[] {360, 400}, ranges[1], "the last 10% test, the 10% between them held back");
        int[][] odd = WalkthroughData.splits(15);
        assertArrayEquals(new int[] {0, 12}, odd[0]);
        assertArrayEquals(new int[] {14, 15}, odd[1]);
        var tooFew = assertThrows(DataException.class, () -> WalkthroughData.splits(9));
        assertTrue(
                tooFew.getMessage().contains("9 images") && tooFew.getMessage().contains("at least 10"));
    }

    @Test
    void aHeapTooSmallForTheImagesIsRefusedWithHowToGrowIt() {
        long celebaFull = 172_770L * 3 * 64 * 64;
        var refused = assertThrows(DataException.class, () -> WalkthroughData.requireHeap(celebaFull, 2L << 30));
        assertTrue(
                refused.getMessage().contains("take 2.0 GiB")
                        && refused.getMessage().contains("heap is 2.0 GiB")
                        && refused.getMessage().contains("at least 5 GiB")
                        && refused.getMessage().contains("LATENTMAP_KERNEL_HEAP"),
                refused.getMessage());
        WalkthroughData.requireHeap(celebaFull, 8L << 30);
        WalkthroughData.requireHeap(360L * 3 * 32 * 32, 1L << 30); // the smoke profile's few images fit any heap
    }

    @Test
    void fashionMnistIsLabelledAndNamesItsZooEntriesAndShippedSet() {
        var data = WalkthroughData.of(DataChoice.FASHION_MNIST, Profile.SMOKE);
        assertEquals("fashion-mnist", data.key());
        assertEquals(2048, data.train().size());
        assertEquals(10_000, data.test().size());
        assertTrue(data.labelled());
        assertEquals(SupportSets.FASHION_MNIST, data.supportSetFile());
        var curated = data.curated();
        assertTrue(curated.isStandIn());
        assertEquals("fashion-mnist-typical-50", curated.key(), "the StyleGAN keeps its zoo entry");
        assertEquals("fashion-mnist-random-50", curated.controlKey());
        assertEquals(1027, curated.images().size(), "half of each class of the first 2,048, rounded up");
        assertEquals(curated.images().size(), curated.control().size());
        assertFalse(data.toString().contains("no labels"), data.toString());
    }
}
