package org.latentmap.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentmap.testing.HandModels;
import org.latentmap.zoo.TrainedModel;
import org.latentmap.zoo.ZooStore;

class SupportSetOriginTest {

    private static SupportSetOrigin origin(String checkpoint) {
        return new SupportSetOrigin(
                "test",
                20,
                "identity, profile smoke",
                checkpoint,
                SectorReading.EVERY_COORDINATE,
                new int[] {1, 0},
                0.5,
                3);
    }

    @Test
    void aSavedOriginComesBackFromTheFile(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("set.txt");
        SupportSet.of(4, 1, 7).withOrigin(origin("ab".repeat(32))).save(file, "three images");
        SupportSet loaded = SupportSet.load(file);
        assertArrayEquals(new int[] {4, 1, 7}, loaded.indices());
        assertEquals(origin("ab".repeat(32)), loaded.origin());
        assertTrue(Files.readString(file).startsWith("# latentmap support set v2\n# data: test\n# images: 20\n"));
    }

    @Test
    void aSetForOtherDataIsRefusedAndOneFromAnotherModelIsNamed(@TempDir Path folder) throws Exception {
        TrainedModel model = HandModels.inZoo(
                folder, "m", HandModels.scaling("m", null, 1, 1).model());
        String checkpoint = ZooStore.checkpointHash(model);
        SupportSet mine = SupportSet.of(0, 1).withOrigin(origin(checkpoint));
        var wrongData = assertThrows(
                IllegalArgumentException.class, () -> SupportSets.check(mine, HandModels.images(30, 1), "test", model));
        assertEquals(
                "this support set was selected on test (20 images), not on test (30 images): its indices point into"
                        + " other images; select one for these data (SupportSetRecipe.paper().select)",
                wrongData.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> SupportSets.check(mine, HandModels.images(20, 1), "fashion-mnist", model));
        assertEquals("", printed(() -> SupportSets.check(mine, HandModels.images(20, 1), "test", model)));
        SupportSet other = SupportSet.of(0, 1).withOrigin(origin("cd".repeat(32)));
        String note = printed(() -> SupportSets.check(other, HandModels.images(20, 1), "test", model));
        assertTrue(
                note.startsWith(
                        "Note: this support set was selected by identity, profile smoke (checkpoint cdcdcdcdcdcd),"
                                + " not by m"),
                note);
    }

    @Test
    void theShippedFashionMnistSetIsRefusedOnCelebA(@TempDir Path folder) throws Exception {
        TrainedModel model = HandModels.inZoo(
                folder, "m", HandModels.scaling("m", null, 1, 1).model());
        SupportSet shipped = SupportSets.shipped(SupportSets.FASHION_MNIST);
        var refused = assertThrows(
                IllegalArgumentException.class,
                () -> SupportSets.check(shipped, HandModels.images(60_000, 1), "celeba", model));
        assertEquals(
                "this support set was selected on fashion-mnist (60,000 images), not on celeba (60,000 images): its"
                        + " indices point into other images; select one for these data (SupportSetRecipe.paper().select)",
                refused.getMessage());
    }

    @Test
    void damagedFilesAreRefusedWithWhatIsWrong(@TempDir Path folder) throws Exception {
        Path negative = Files.writeString(folder.resolve("negative.txt"), "# old format\n3\n-2\n");
        Path repeated = Files.writeString(folder.resolve("repeated.txt"), "3\n5\n3\n");
        Path empty = Files.writeString(folder.resolve("empty.txt"), "# nothing\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SupportSet.load(negative))
                .getMessage()
                .endsWith("holds the index -2: data-set indices start at 0; the file is damaged"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SupportSet.load(repeated))
                .getMessage()
                .endsWith("repeats 1 of its indices: a support set holds each image once; the file is damaged"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SupportSet.load(empty))
                .getMessage()
                .contains("holds no index"));
    }

    @Test
    void theShippedSetSaysItWasSelectedByThePapersRecipeOnFashionMnist() {
        SupportSet shipped = SupportSets.shipped(SupportSets.FASHION_MNIST);
        SupportSetOrigin origin = shipped.origin();
        assertNotNull(origin, "the shipped file has a latentmap support set v2 header");
        SupportSetRecipe recipe = SupportSetRecipe.paper();
        assertEquals("fashion-mnist", origin.dataset());
        assertEquals(60_000, origin.images());
        assertEquals("Split-VAE 1, profile full", origin.model());
        assertEquals(64, origin.checkpoint().length(), "a SHA-256 of the selecting checkpoint");
        assertEquals(recipe.reading(), origin.reading());
        assertEquals(recipe.variables(), origin.variables().length);
        assertEquals(recipe.seed(), origin.seed());
        assertTrue(
                Arrays.stream(SupportSetRecipe.thresholds(recipe.reading())).anyMatch(t -> t == origin.threshold()),
                "a threshold of the recipe's scan: " + origin.threshold());
        assertEquals(recipe.size(), shipped.size());
        assertTrue(Arrays.stream(shipped.indices()).allMatch(i -> i >= 0 && i < 60_000));
    }

    private static String printed(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
