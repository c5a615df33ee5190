package org.latentmap.features;

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
import org.latentmap.testing.HandModels;
import org.latentmap.testing.HandModels.Counting;
import org.latentmap.train.ReconstructionError;
import org.latentmap.zoo.ModelFamily;
import org.latentmap.zoo.TrainedModel;

class CodeStoreTest {
    @TempDir
    Path zoo;

    private final List<String> messages = new ArrayList<>();
    private final CodeStore store = CodeStore.reporting(messages::add);

    private TrainedModel model(String name, Counting counting) throws IOException {
        return HandModels.inZoo(zoo, name, counting);
    }

    @Test
    void codesAreComputedOnceThenRead() throws IOException {
        Counting counting = new Counting("m", 2, 3);
        TrainedModel a = model("a", counting);
        ImageSet images = HandModels.images(300, 1);
        float[][] first = store.codes(a, images);
        int computed = counting.encodings;
        assertTrue(computed > 0);
        float[][] second = store.codes(a, images);
        assertEquals(computed, counting.encodings, "read, not encoded again");
        assertEquals(300, second.length);
        for (int i = 0; i < first.length; i++) {
            assertArrayEquals(first[i], second[i]);
        }
        assertArrayEquals(new float[] {2 * images.image(7)[0], 3 * images.image(7)[1]}, second[7], 1e-6f);
        assertTrue(messages.get(0).contains("codes of 300 images computed"), messages.toString());
        assertEquals(1, messages.size(), "one line when computed, none when read: " + messages);
        try (Stream<Path> files = Files.walk(zoo)) {
            assertFalse(files.anyMatch(p -> p.toString().endsWith(".part")), "no temporary file is left");
        }
    }

    @Test
    void onlyTheDamagedDeletedOrRetrainedModelsCodesAreComputedAgain() throws IOException {
        Counting countA = new Counting("m", 2, 3);
        Counting countB = new Counting("m", -1, 5);
        TrainedModel a = model("a", countA);
        TrainedModel b = model("b", countB);
        ImageSet images = HandModels.images(100, 2);
        float[][] codesA = store.codes(a, images);
        store.codes(b, images);
        assertEquals(1, countA.encodings);
        assertEquals(1, countB.encodings);

        // a corrupted value in a's file: a is computed again, with a line saying so; b is read
        Path fileA = store.file(a, images, CodeStore.CODES);
        byte[] bytes = Files.readAllBytes(fileA);
        bytes[bytes.length - 20] ^= 0x55;
        Files.write(fileA, bytes);
        messages.clear();
        float[][] again = store.codes(a, images);
        store.codes(b, images);
        assertEquals(2, countA.encodings);
        assertEquals(1, countB.encodings);
        assertArrayEquals(codesA[5], again[5]);
        assertTrue(messages.get(0).contains("damaged") && messages.get(0).contains("checksum"), messages.toString());

        // a truncated file
        Files.write(fileA, Arrays.copyOf(bytes, bytes.length / 2));
        messages.clear();
        store.codes(a, images);
        assertEquals(3, countA.encodings);
        assertTrue(messages.get(0).contains("damaged"), messages.toString());

        // b's file deleted: only b is computed
        Files.delete(store.file(b, images, CodeStore.CODES));
        store.codes(a, images);
        store.codes(b, images);
        assertEquals(3, countA.encodings);
        assertEquals(2, countB.encodings);

        // b retrained (its checkpoint's content changes): b's stored codes are not read
        Files.writeString(b.checkpoint(), "other weights of b", StandardOpenOption.TRUNCATE_EXISTING);
        messages.clear();
        store.codes(a, images);
        store.codes(b, images);
        assertEquals(3, countA.encodings);
        assertEquals(3, countB.encodings);
        assertTrue(messages.get(0).contains("another version"), messages.toString());
        store.codes(b, images);
        assertEquals(3, countB.encodings, "the new codes are stored in turn");
    }

    @Test
    void otherImagesHaveTheirOwnCodes() throws IOException {
        Counting counting = new Counting("m", 1, 1);
        TrainedModel a = model("a", counting);
        ImageSet images = HandModels.images(50, 3);
        store.codes(a, images);
        store.codes(a, images.head(20));
        store.codes(a, HandModels.images(50, 4));
        assertEquals(3, counting.encodings, "a subset and other images are not the stored set");
        store.codes(a, images.head(20));
        assertEquals(3, counting.encodings);
        assertEquals(images.fingerprint(), images.head(50).fingerprint(), "the same pixels, the same key");
    }

    @Test
    void reconstructionErrorsAreStoredToo() throws IOException {
        Counting counting = new Counting("m", 2, 0.5f);
        TrainedModel a = model("a", counting);
        ImageSet images = HandModels.images(40, 5);
        double[] first = store.reconstructionErrors(a, images);
        double[] second = store.reconstructionErrors(a, images);
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
        assertTrue(Files.isRegularFile(store.file(a, images, CodeStore.GAIN)), "stored beside the checkpoint");
    }

    @Test
    void aModelWithoutCheckpointIsComputedEveryTime() {
        Counting counting = new Counting("m", 1, 2);
        TrainedModel memory = new TrainedModel(ModelFamily.VAE, 1, Profile.SMOKE, "test", counting, null, null, 0);
        ImageSet images = HandModels.images(10, 6);
        store.codes(memory, images);
        store.codes(memory, images);
        assertEquals(2, counting.encodings);
        assertNull(store.file(memory, images, CodeStore.CODES));
        assertTrue(messages.isEmpty());
    }
}
