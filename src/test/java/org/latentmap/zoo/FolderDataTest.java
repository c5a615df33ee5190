package org.latentmap.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentmap.Profile;
import org.latentmap.data.DataException;
import org.latentmap.data.FashionMnist;
import org.latentmap.testing.ImageFolders;

class FolderDataTest {
    @TempDir
    Path temp;

    @Test
    void aFolderOfMixedImagesSplits80To10AndNamesItselfByItsFiles() throws Exception {
        Path faces = ImageFolders.mixed(temp.resolve("My Faces"), 250, 1);
        FolderData data = new FolderData(faces, temp.resolve("cache"));
        assertTrue(data.key().matches("folder-my-faces-[0-9a-f]{8}"), data.key());
        DataSet.Images images = data.load(Profile.SMOKE);
        assertEquals(200, images.train().size(), "the first 80%");
        assertEquals(25, images.test().size(), "the last 10%");
        assertEquals(3, images.train().channels());
        assertEquals(32, images.train().width(), "the smoke profile's side");
        assertFalse(images.train().hasLabels());
        assertTrue(images.source().startsWith("250 images of "), images.source());
        Files.delete(faces.resolve(
                Files.list(faces).sorted().findFirst().orElseThrow().getFileName()));
        assertNotEquals(data.key(), new FolderData(faces, temp.resolve("cache")).key(), "another listing, another key");
        var walkthrough = WalkthroughData.of(new FolderData(faces, temp.resolve("cache")), Profile.SMOKE);
        assertEquals(199, walkthrough.train().size());
        assertTrue(walkthrough.toString().contains("no labels"), walkthrough.toString());
    }

    @Test
    void tooFewImagesSayHowManyAreNeeded() throws Exception {
        Path few = ImageFolders.mixed(temp.resolve("few"), 150, 2);
        var e = assertThrows(DataException.class, () -> new FolderData(few, temp.resolve("cache")));
        assertTrue(
                e.getMessage()
                        .endsWith("holds 150 images; the walkthrough needs at least 200 (160 to train on, 20 to"
                                + " test): add images, or point IMAGE_DIR at a larger folder"),
                e.getMessage());
    }

    @Test
    void withoutItsVariableTheFolderDataSetSaysWhatToSet() {
        assumeTrue(System.getenv(FolderData.FOLDER_VARIABLE) == null, "IMAGE_DIR is set in this environment");
        var e = assertThrows(DataException.class, FolderData::configured);
        assertTrue(
                e.getMessage().startsWith("LATENTMAP_DATA=folder needs IMAGE_DIR, a folder of .jpg or .png images"),
                e.getMessage());
    }

    @Test
    void onlyFashionMnistsWholeTrainingSplitHasAShippedSupportSet() {
        var all = FashionMnist.train();
        assertEquals(
                DataSets.FASHION_MNIST_SUPPORT_SET,
                DataSets.shippedSupportSet("fashion-mnist", all).orElseThrow());
        assertTrue(DataSets.shippedSupportSet("fashion-mnist", all.head(2048)).isEmpty());
        assertTrue(DataSets.shippedSupportSet("celeba", all).isEmpty());
        assertTrue(DataSets.shippedSupportSet("folder-faces-01234567", all).isEmpty());
    }
}
