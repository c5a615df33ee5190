package org.latentmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DataChoiceTest {
    @Test
    void readsNamesInAnyFormAndDefaultsToFashionMnist() {
        assertEquals(DataChoice.FASHION_MNIST, DataChoice.parse(null));
        assertEquals(DataChoice.FASHION_MNIST, DataChoice.parse(" "));
        assertEquals(DataChoice.FASHION_MNIST, DataChoice.parse("fashion_mnist"));
        assertEquals(DataChoice.CELEBA, DataChoice.parse("CelebA"));
        assertEquals("celeba", DataChoice.CELEBA.key());
        assertEquals("Fashion-MNIST", DataChoice.FASHION_MNIST.displayName());
        assertEquals(DataChoice.FOLDER, DataChoice.parse("Folder"));
    }

    @Test
    void anUnknownDataSetSaysWhichOnesExist() {
        var e = assertThrows(IllegalArgumentException.class, () -> DataChoice.parse("mnist"));
        assertTrue(
                e.getMessage().contains("LATENTMAP_DATA")
                        && e.getMessage().contains("'celeba'")
                        && e.getMessage().contains("CELEBA_DIR")
                        && e.getMessage().contains("'folder'")
                        && e.getMessage().contains("IMAGE_DIR"),
                e.getMessage());
        for (DataChoice choice : DataChoice.values()) {
            assertTrue(
                    e.getMessage().contains("'" + choice.key() + "' ("), "every choice is listed: " + e.getMessage());
        }
        assertTrue(
                e.getMessage().endsWith("or 'folder' (any folder of your images: set IMAGE_DIR too)"), e.getMessage());
    }
}
