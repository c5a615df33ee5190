package org.latentmap.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentmap.Profile;
import org.latentmap.data.FashionMnist;
import org.latentmap.data.ImageSet;
import org.latentmap.engine.Numerics;
import org.latentmap.model.GammaBalance;
import org.latentmap.model.LatentModel;
import org.latentmap.model.Vae;
import org.latentmap.testing.HandModels;
import org.latentmap.train.Checkpoint;
import org.latentmap.train.Progress;
import org.latentmap.train.TrainingPlan;
import org.latentmap.train.VaeTraining;
import org.latentmap.zoo.ReproducibilityRecord.Outcome;

/** The zoo's checks of the models it hands out (issue 29): the health rule, the record, the ledger. */
class ModelChecksTest {
    /**
     * A VAE trained one step at a vanishing rate: it draws about 0.5 everywhere, which on uniform noise is the mean
     * image's error (1/12), so it fails its health check as collapsed.
     */
    static final ModelFamily UNTRAINED = ModelFamily.of(
            "untrained-vae",
            "Untrained VAE",
            8,
            (name, manager, shape) -> Vae.create(name, manager, shape, 8),
            (model, plan) -> new VaeTraining((Vae) model, plan, GammaBalance.vanilla()),
            (profile, seed) -> ModelFamily.standardPlan(profile, seed, 1, 0, 1e-12));

    private static final ImageSet NOISE = HandModels.noise(64, 5);

    @Test
    void aModelThatFailsItsHealthCheckIsLeftOutButKeptInTheSmokeProfile(@TempDir Path folder) {
        ModelZoo zoo = ModelZoo.at(folder).progress(Progress.SILENT);
        List<TrainedModel> full = zoo.all(List.of(UNTRAINED), List.of(1L, 2L), Profile.FULL, "noise", NOISE);
        assertEquals(List.of(), full, "both collapsed models are left out");
        assertEquals(List.of("Untrained VAE 1", "Untrained VAE 2"), zoo.leftOut());
        ModelCheck check = zoo.checks().get(0);
        assertTrue(check.health().failed(), check.line());
        assertFalse(check.kept());
        assertTrue(check.line().contains("LEFT OUT of this run"), check.line());

        ModelZoo smoke = ModelZoo.at(folder).progress(Progress.SILENT);
        assertEquals(
                2,
                smoke.all(List.of(UNTRAINED), List.of(1L, 2L), Profile.SMOKE, "noise", NOISE)
                        .size());
        assertEquals(List.of(), smoke.leftOut());
    }

    @Test
    void aLoadedModelIsComparedWithTheRecord(@TempDir Path folder) {
        ModelZoo zoo = ModelZoo.at(folder).progress(Progress.SILENT);
        zoo.get(UNTRAINED, 1, Profile.SMOKE, "noise", NOISE);
        String sha = Checkpoint.sha256(zoo.file(UNTRAINED, 1, Profile.SMOKE, "noise"));
        String signature = Numerics.current().signature();
        String description =
                zoo.check(zoo.get(UNTRAINED, 1, Profile.SMOKE, "noise", NOISE)).description();
        assertEquals(
                Outcome.REPRODUCED,
                outcome(
                        folder,
                        ReproducibilityRecord.Entry.of(
                                        "noise", Profile.SMOKE, UNTRAINED, 1, description, sha, signature)
                                .line()));
        assertEquals(
                Outcome.DIFFERS,
                outcome(
                        folder,
                        ReproducibilityRecord.Entry.of(
                                        "noise", Profile.SMOKE, UNTRAINED, 1, description, "0".repeat(64), signature)
                                .line()));
        assertEquals(
                Outcome.OTHER_MACHINE,
                outcome(
                        folder,
                        ReproducibilityRecord.Entry.of(
                                        "noise", Profile.SMOKE, UNTRAINED, 1, description, sha, "another machine")
                                .line()));
        assertEquals(
                Outcome.NO_RECORD,
                outcome(
                        folder,
                        ReproducibilityRecord.Entry.of(
                                        "noise", Profile.SMOKE, UNTRAINED, 2, description, sha, signature)
                                .line()));
        assertEquals(
                Outcome.NO_RECORD,
                outcome(
                        folder,
                        ReproducibilityRecord.Entry.of(
                                        "noise", Profile.SMOKE, UNTRAINED, 1, "another plan", sha, signature)
                                .line()),
                "another training of the same model (the half-steps study's) is not compared");
    }

    private static Outcome outcome(Path folder, String line) {
        ModelZoo zoo = ModelZoo.at(folder)
                .progress(Progress.SILENT)
                .record(ReproducibilityRecord.parse(ReproducibilityRecord.header() + "\n" + line + "\n"));
        TrainedModel model = zoo.get(UNTRAINED, 1, Profile.SMOKE, "noise", NOISE);
        assertTrue(model.fromCache());
        return zoo.check(model).record().outcome();
    }

    @Test
    void theShippedRecordHoldsTheFullProfilesFifteenModels() {
        var entries = ReproducibilityRecord.shipped().entries();
        assertEquals(15, entries.size());
        assertTrue(entries.stream()
                .allMatch(e -> e.profile() == Profile.FULL && e.dataset().equals("fashion-mnist")));
        assertTrue(entries.stream().allMatch(e -> e.sha256().matches("[0-9a-f]{64}")));
    }

    /**
     * The record keys each model by the training it recorded (its description's hash): a plan or a network changed
     * since (issue 33 doubled the Split-VAE's steps) must be recorded again in the same change, or no model trained now
     * can be compared with it.
     */
    @Test
    void theShippedRecordDescribesTheTrainingsTheFamiliesPlanNow() {
        Shape fashionMnist = new Shape(1, FashionMnist.SIZE, FashionMnist.SIZE);
        try (NDManager manager = NDManager.newBaseManager()) {
            for (var entry : ReproducibilityRecord.shipped().entries()) {
                // a description needs the data's image count and shape: known here for the embedded data only
                assertEquals(
                        TrainingData.FASHION_MNIST,
                        entry.dataset(),
                        "this test describes Fashion-MNIST's trainings; teach it another data set's count and shape");
                ModelFamily family = ModelFamilies.parse(entry.family());
                TrainingPlan plan = family.plan(entry.profile(), entry.seed());
                LatentModel model = family.create("recorded", manager, fashionMnist, entry.seed());
                String description = ModelZoo.description(
                        family,
                        ArchitectureFingerprint.of(model, family.training(model, plan)),
                        entry.seed(),
                        entry.profile(),
                        entry.dataset(),
                        FashionMnistData.TRAINING_IMAGES,
                        fashionMnist,
                        plan);
                assertEquals(
                        ReproducibilityRecord.training(description),
                        entry.training(),
                        entry.family() + " seed " + entry.seed() + " was recorded for another training than "
                                + description);
            }
        }
    }

    @Test
    void theLedgerReportsOtherBytesAndReplacedCheckpoints(@TempDir Path folder) {
        TrainingLedger ledger = TrainingLedger.in(folder);
        assertEquals("", ledger.note("gan-seed4", "d", "a".repeat(64), "sig", true));
        assertEquals(
                "trained again, the same bytes as before", ledger.note("gan-seed4", "d", "a".repeat(64), "sig", true));
        assertEquals(
                "trained again, it gave OTHER BYTES than 1 earlier training(s) here (aaaaaaaaaaaa... then"
                        + " bbbbbbbbbbbb...): this training did not reproduce",
                ledger.note("gan-seed4", "d", "b".repeat(64), "sig", true));
        assertEquals("", ledger.note("gan-seed4", "another training", "c".repeat(64), "sig", true));
        assertTrue(ledger.note("gan-seed4", "d", "c".repeat(64), "sig", false).endsWith("it was replaced"));
        assertEquals("", ledger.note("gan-seed4", "d", "a".repeat(64), "sig", false), "a loaded known checkpoint");
        assertEquals("", ledger.note("gan-seed4", "d", "e".repeat(64), "other machine", false));
    }

    @Test
    void aRecordLineWithoutItsSixFieldsIsRefusedWithItsNumber() {
        var error = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> ReproducibilityRecord.parse("header\nfashion-mnist,full,vae\n"));
        assertEquals(
                "reproducibility record, line 2: expected data,profile,family,seed,training,sha256,signature, got"
                        + " 'fashion-mnist,full,vae'",
                error.getMessage());
    }
}
