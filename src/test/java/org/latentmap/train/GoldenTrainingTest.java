package org.latentmap.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.latentmap.engine.Numerics;
import org.latentmap.families.TodaysFamilies;
import org.latentmap.zoo.ModelFamily;

/**
 * Training is reproducible bit for bit, and this test notices the day it stops being so: a small seeded training of
 * each family, run twice in one process, gives the same parameters and optimizer state, and on a machine whose
 * {@link Numerics} signature is recorded here, the recorded SHA-256. A code change that changes the numerics or a
 * library upgrade changes it; so does another processor (its math libraries take other paths: the values recorded
 * on 2 December 2026 on this project's earlier machines came out different on the AMD EPYC family 26 machines),
 * which is why the values are kept per signature. When it fails after a deliberate change, record the new values in
 * the same commit that regenerates what is shipped from trained models (the support set, the reproducibility
 * record); on an unrecorded machine the comparison is skipped with the values to record.
 */
class GoldenTrainingTest {
    /** Recorded 5 December 2026, with the engine's settings pinned (oneDNN at AVX). */
    private static final Map<String, Map<String, String>> RECORDED = Map.of(
            "AuthenticAMD family 26 model 2 (AMD EPYC); 2 engine threads; PyTorch 2.7.1 (DJL 0.35.1), oneDNN at AVX",
            Map.of(
                    "vae", "f4cf3dd818495901aa5e818cf1b07eb200921551ec136da4fdba4d04b7a9548b",
                    "gan", "b29f66c051f394c494477f1c7374f6baa7ff9f263513ed7bad5a3895bef5b202",
                    "split-vae", "6444917d8eae6f74789493b0c089b41d41dc923789a99a3a5fbedaff9071f94a",
                    // recorded 6 December 2026
                    "flow", "740c3580ea0b5566c1c9bf77b803ad7ffd824f73ce471f5b6453d3ed98b55d1c",
                    "diffusion", "8654dc2e982120b8733b8aa59277a737e81f424332c241dc333f83e312509682"));

    @ParameterizedTest
    @CsvSource({"vae, 6, 0", "gan, 4, 2", "split-vae, 6, 0", "flow, 6, 0", "diffusion, 6, 0"})
    void aSeededTrainingGivesTheRecordedWeights(String key, int steps, int recoderSteps) throws Exception {
        TodaysFamilies.register();
        ModelFamily family = ModelFamily.parse(key);
        String first = train(family, steps, recoderSteps);
        assertEquals(first, train(family, steps, recoderSteps), family.displayName() + ": two equal trainings differ");
        String signature = Numerics.current().signature();
        Map<String, String> recorded = RECORDED.get(signature);
        Assumptions.assumeTrue(
                recorded != null,
                () -> "no weights recorded for this machine (" + signature + "); this one gave " + key + " " + first);
        assertEquals(
                recorded.get(key),
                first,
                family.displayName() + ": the trained weights changed; see this class's comment");
    }

    private static String train(ModelFamily family, int steps, int recoderSteps) throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            TrainingPlan plan = Runs.plan(family, steps, recoderSteps, 7);
            Training training = Runs.training(manager, family, plan, Runs.images(64, 3), null);
            training.run(null);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Runs.state(training)));
        }
    }
}
