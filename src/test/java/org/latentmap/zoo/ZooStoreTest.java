package org.latentmap.zoo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentmap.Profile;
import org.latentmap.data.ImageSet;
import org.latentmap.features.Codes;
import org.latentmap.features.ReconstructionGain;
import org.latentmap.linalg.CodeMatrix;
import org.latentmap.testing.HandModels;
import org.latentmap.testing.HandModels.Counting;
import org.latentmap.train.ReconstructionError;

class ZooStoreTest {
    @TempDir
    Path zoo;

    private final List<String> messages = new ArrayList<>();
    private final ZooStore store = ZooStore.reporting(messages::add);

    private TrainedModel model(String name, Counting counting) throws IOException {
        return HandModels.inZoo(zoo, name, counting);
    }

    @Test
    void codesAreComputedOnceThenRead() throws IOException {
        Counting counting = new Counting("m", 2, 3);
        TrainedModel a = model("a", counting);
        ImageSet images = HandModels.images(300, 1);
        CodeMatrix first = Codes.of(a, images, store);
        int computed = counting.encodings;
        assertTrue(computed > 0);
        CodeMatrix second = Codes.of(a, images, store);
        assertEquals(computed, counting.encodings, "read, not encoded again");
        assertEquals(300, second.size());
        assertEquals(first, second);
        assertArrayEquals(new float[] {2 * images.image(7)[0], 3 * images.image(7)[1]}, second.row(7), 1e-6f);
        assertTrue(messages.get(0).contains("codes of 300 images computed"), messages.toString());
        assertEquals(1, messages.size(), "one line when computed, none when read: " + messages);
        try (Stream<Path> files = Files.walk(zoo)) {
            assertFalse(files.anyMatch(p -> p.toString().endsWith(".part")), "no temporary file is left");
        }
    }

    /** Where earlier runs stored their numbers, and under which key: stores written before stay readable. */
    @Test
    void theLayoutAndKeysOfEarlierRunsAreKept() throws IOException {
        Counting counting = new Counting("m", 2, 3);
        TrainedModel a = model("a", counting);
        ImageSet images = HandModels.images(30, 3);
        Codes.of(a, images, store);
        Path file = store.file(a, images, Codes.RULE);
        assertEquals(
                a.checkpoint()
                        .toAbsolutePath()
                        .resolveSibling("stored")
                        .resolve("a")
                        .resolve("encode-v1-" + images.fingerprint().substring(0, 16) + ".bin"),
                file);
        String key = "model " + ZooStore.checkpointHash(a) + "; images " + images.fingerprint() + "; encode v1";
        byte[] bytes = Files.readAllBytes(file);
        assertEquals(key, new String(bytes, 12, key.length(), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void onlyTheDamagedDeletedOrRetrainedModelsCodesAreComputedAgain() throws IOException {
        Counting countA = new Counting("m", 2, 3);
        Counting countB = new Counting("m", -1, 5);
        TrainedModel a = model("a", countA);
        TrainedModel b = model("b", countB);
        ImageSet images = HandModels.images(100, 2);
        CodeMatrix codesA = Codes.of(a, images, store);
        Codes.of(b, images, store);
        assertEquals(1, countA.encodings);
        assertEquals(1, countB.encodings);

        // a corrupted value in a's file: a is computed again, with a line saying so; b is read
        Path fileA = store.file(a, images, Codes.RULE);
        byte[] bytes = Files.readAllBytes(fileA);
        bytes[bytes.length - 20] ^= 0x55;
        Files.write(fileA, bytes);
        messages.clear();
        CodeMatrix again = Codes.of(a, images, store);
        Codes.of(b, images, store);
        assertEquals(2, countA.encodings);
        assertEquals(1, countB.encodings);
        assertArrayEquals(codesA.row(5), again.row(5));
        assertTrue(messages.get(0).contains("damaged") && messages.get(0).contains("checksum"), messages.toString());

        // a truncated file
        Files.write(fileA, Arrays.copyOf(bytes, bytes.length / 2));
        messages.clear();
        Codes.of(a, images, store);
        assertEquals(3, countA.encodings);
        assertTrue(messages.get(0).contains("damaged"), messages.toString());

        // b's file deleted: only b is computed
        Files.delete(store.file(b, images, Codes.RULE));
        Codes.of(a, images, store);
        Codes.of(b, images, store);
        assertEquals(3, countA.encodings);
        assertEquals(2, countB.encodings);

        // b retrained (its checkpoint's content changes): b's stored codes are not read
        Files.writeString(b.checkpoint(), "other weights of b", StandardOpenOption.TRUNCATE_EXISTING);
        messages.clear();
        Codes.of(a, images, store);
        Codes.of(b, images, store);
        assertEquals(3, countA.encodings);
        assertEquals(3, countB.encodings);
        assertTrue(messages.get(0).contains("another version"), messages.toString());
        Codes.of(b, images, store);
        assertEquals(3, countB.encodings, "the new codes are stored in turn");
    }

    @Test
    void otherImagesHaveTheirOwnCodes() throws IOException {
        Counting counting = new Counting("m", 1, 1);
        TrainedModel a = model("a", counting);
        ImageSet images = HandModels.images(50, 3);
        Codes.of(a, images, store);
        Codes.of(a, images.head(20), store);
        Codes.of(a, HandModels.images(50, 4), store);
        assertEquals(3, counting.encodings, "a subset and other images are not the stored set");
        Codes.of(a, images.head(20), store);
        assertEquals(3, counting.encodings);
        assertEquals(images.fingerprint(), images.head(50).fingerprint(), "the same pixels, the same key");
    }

    @Test
    void reconstructionErrorsAreStoredToo() throws IOException {
        Counting counting = new Counting("m", 2, 0.5f);
        TrainedModel a = model("a", counting);
        ImageSet images = HandModels.images(40, 5);
        double[] first = ReconstructionErrors.of(a, images, store);
        double[] second = ReconstructionErrors.of(a, images, store);
        assertEquals(1, counting.encodings);
        assertArrayEquals(ReconstructionError.perImage(counting.inner, images), second, 0);
        assertArrayEquals(first, second, 0);
    }

    @Test
    void aReconstructionGainIsStoredExactly() throws IOException {
        Counting counting = new Counting("m", 2, 0.5f);
        TrainedModel a = model("a", counting);
        ImageSet images = HandModels.images(40, 7);
        ReconstructionGain computed = ReconstructionGain.of(counting.inner, images);
        ReconstructionGain first = ReconstructionGain.of(a, images);
        int encodings = counting.encodings;
        ReconstructionGain second = ReconstructionGain.of(a, images);
        assertEquals(encodings, counting.encodings, "read, not computed again");
        assertArrayEquals(computed.gains(), second.gains(), 0, "double precision survives the store");
        assertEquals(computed.intactError(), second.intactError(), 0);
        assertArrayEquals(first.gains(), second.gains(), 0);
        assertTrue(Files.isRegularFile(store.file(a, images, ReconstructionGain.RULE)), "stored beside the checkpoint");
    }

    @Test
    void aModelWithoutCheckpointIsComputedEveryTime() {
        Counting counting = new Counting("m", 1, 2);
        TrainedModel memory = new TrainedModel(ModelFamily.VAE, 1, Profile.SMOKE, "test", counting, null, null, 0);
        ImageSet images = HandModels.images(10, 6);
        Codes.of(memory, images, store);
        Codes.of(memory, images, store);
        assertEquals(2, counting.encodings);
        assertNull(store.file(memory, images, Codes.RULE));
        assertTrue(messages.isEmpty());
    }
}
