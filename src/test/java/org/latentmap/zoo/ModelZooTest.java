package org.latentmap.zoo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentmap.Profile;
import org.latentmap.data.ImageSet;
import org.latentmap.testing.HandModels;
import org.latentmap.train.Checkpoint;
import org.latentmap.train.ModelHealth;
import org.latentmap.train.Progress;

class ModelZooTest {

    private static ImageSet data() {
        return HandModels.noise(48, 3);
    }

    private static ModelZoo zoo(Path folder, int steps) {
        return ModelZoo.at(folder)
                .progress(Progress.SILENT)
                .adjustPlans(plan -> plan.withSteps(steps, plan.recoderSteps() > 0 ? 2 : 0));
    }

    private static float[] codes(TrainedModel model, ImageSet images) {
        try (NDManager manager = NDManager.newBaseManager()) {
            return model.model().encode(images.toNDArray(manager)).toFloatArray();
        }
    }

    @Test
    void aModelIsTrainedOnceAndThenLoadedFromTheCache(@TempDir Path folder) throws Exception {
        ImageSet data = data();
        TrainedModel trained = zoo(folder, 3).get(ModelFamily.GAN, 2, Profile.SMOKE, "random", data);
        assertFalse(trained.fromCache());
        assertEquals("GAN 2", trained.name());
        Path file = folder.resolve("random/smoke/gan-seed2.ckpt");
        assertEquals(file, zoo(folder, 3).file(ModelFamily.GAN, 2, Profile.SMOKE, "random"));
        assertTrue(Checkpoint.header(file).finished());

        TrainedModel loaded = zoo(folder, 3).get(ModelFamily.GAN, 2, Profile.SMOKE, "random", data);
        assertTrue(loaded.fromCache());
        assertEquals(5, loaded.history().size(), "3 adversarial and 2 re-coder steps of history come back too");
        assertArrayEquals(codes(trained, data.head(4)), codes(loaded, data.head(4)));
    }

    @Test
    void theHealthCheckReadsItsReconstructionErrorsFromTheStoreOnTheNextLoad(@TempDir Path folder) throws Exception {
        ImageSet data = data();
        zoo(folder, 3).get(ModelFamily.VAE, 1, Profile.SMOKE, "random", data);
        Path stored = folder.resolve("random/smoke/stored/vae-seed1");
        List<Path> files;
        try (var listing = Files.list(stored)) {
            files = listing.toList();
        }
        assertEquals(1, files.size(), "the health check's errors are kept beside the checkpoint: " + files);
        FileTime written = Files.getLastModifiedTime(files.get(0));
        ModelZoo again = zoo(folder, 3);
        TrainedModel loaded = again.get(ModelFamily.VAE, 1, Profile.SMOKE, "random", data);
        assertTrue(loaded.fromCache());
        assertEquals(written, Files.getLastModifiedTime(files.get(0)), "read, not written again");
        assertEquals(
                ModelHealth.of(loaded.model(), loaded.history(), data).error(),
                again.check(loaded).health().error(),
                "the stored errors give the health check the numbers it computes itself");
    }

    @Test
    void aCachedModelTrainedUnderAnotherPlanIsTrainedAgain(@TempDir Path folder) throws Exception {
        ImageSet data = data();
        zoo(folder, 2).get(ModelFamily.VAE, 1, Profile.SMOKE, "random", data);
        TrainedModel again = zoo(folder, 3).get(ModelFamily.VAE, 1, Profile.SMOKE, "random", data);
        assertFalse(again.fromCache());
        assertEquals(3, again.history().size());
        assertTrue(Checkpoint.header(zoo(folder, 3).file(ModelFamily.VAE, 1, Profile.SMOKE, "random"))
                .description()
                .contains("steps=3"));
    }

    @Test
    void allGivesEveryFamilyAndSeedInOrder(@TempDir Path folder) {
        List<TrainedModel> models = zoo(folder, 1)
                .all(List.of(ModelFamily.VAE, ModelFamily.SPLIT_VAE), List.of(1L, 2L), Profile.SMOKE, "random", data());
        assertEquals(
                List.of("VAE 1", "VAE 2", "Split-VAE 1", "Split-VAE 2"),
                models.stream().map(TrainedModel::name).toList());
        assertEquals(150, models.get(3).model().latentSize());
    }

    @Test
    void aDataSetNameWithoutLettersIsRefused(@TempDir Path folder) {
        var error = assertThrows(
                IllegalArgumentException.class,
                () -> zoo(folder, 1).get(ModelFamily.VAE, 1, Profile.SMOKE, "..", data()));
        assertTrue(error.getMessage().contains("a data set name must contain letters or digits"), error.getMessage());
    }

    @Test
    void theTrainingDataOfTheSmokeProfileIsSmall() {
        ImageSet big = new ImageSet(new float[3000 * 4], 3000, 1, 2, 2, null, null);
        assertEquals(2048, TrainingData.forProfile(big, Profile.SMOKE).size());
        assertEquals(3000, TrainingData.forProfile(big, Profile.FULL).size());
    }

    @Test
    void dataSmallerThanABatchTrainsInBatchesOfItsSize(@TempDir Path folder) {
        TrainedModel trained = zoo(folder, 2).get(ModelFamily.VAE, 1, Profile.SMOKE, "few", HandModels.noise(5, 3));
        assertEquals(5, trained.plan().batchSize());
        assertEquals(2, trained.history().size());
    }
}
