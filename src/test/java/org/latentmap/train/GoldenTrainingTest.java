package org.latentmap.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.latentmap.zoo.ModelFamily;

/**
 * Training is reproducible bit for bit, and this test notices the day it stops being so: a small seeded
 * training of each family gives parameters and optimizer state whose SHA-256 was recorded here (2 December
 * 2026, this project's 2-core x86-64 machines, DJL 0.35.1 on PyTorch 2.7.1 CPU). A code change that changes
 * the numerics, a library upgrade or a processor whose math libraries take another path changes it. When it
 * fails after a deliberate change, record the new value in the same commit that regenerates what is shipped
 * from trained models (the support set); when it fails on another machine, that machine's numerics differ.
 */
class GoldenTrainingTest {

    @ParameterizedTest
    @CsvSource({
        "vae, 6, 0, d0dd3c4e2f2770483d73f4de56308fddf6985694cf3ada26ff951408caa1c092",
        "gan, 4, 2, 42110ac97981de9d76079f83f2b1ae7af731916dbf985c3859143705586c1675",
        "split-vae, 6, 0, d31cf02c9cd604cfdabd52927f815e1875b760360dfa0c8404bda4b80165e62e",
    })
    void aSeededTrainingGivesTheRecordedWeights(String key, int steps, int recoderSteps, String expected)
            throws Exception {
        ModelFamily family = ModelFamily.parse(key);
        try (NDManager manager = NDManager.newBaseManager()) {
            TrainingPlan plan = Runs.plan(family, steps, recoderSteps, 7);
            Training training = Runs.training(manager, family, plan, Runs.images(64, 3), null);
            training.run(null);
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(Runs.state(training));
            assertEquals(
                    expected,
                    HexFormat.of().formatHex(hash),
                    family.displayName() + ": the trained weights changed; see this class's comment");
        }
    }
}
