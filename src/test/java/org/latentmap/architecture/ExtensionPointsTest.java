package org.latentmap.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentmap.Profile;
import org.latentmap.data.ImageSet;
import org.latentmap.features.Codes;
import org.latentmap.model.GammaBalance;
import org.latentmap.model.LatentModel;
import org.latentmap.model.Vae;
import org.latentmap.relocation.CodeMapFit;
import org.latentmap.relocation.FitPoints;
import org.latentmap.relocation.LinearMap;
import org.latentmap.relocation.Relocation;
import org.latentmap.relocation.Relocations;
import org.latentmap.testing.HandModels;
import org.latentmap.train.Checkpoint;
import org.latentmap.train.Progress;
import org.latentmap.train.VaeTraining;
import org.latentmap.zoo.ArchitectureFingerprint;
import org.latentmap.zoo.ModelFamilies;
import org.latentmap.zoo.ModelFamily;
import org.latentmap.zoo.ModelZoo;
import org.latentmap.zoo.TrainedModel;

/** The two extension points CONTRIBUTING.md's recipes use: a model family and a map fit, each a few lines. */
class ExtensionPointsTest {

    /** A VAE with 8 variables, in five lines: what a notebook cell or a test writes. */
    static final ModelFamily TINY_VAE = ModelFamily.of(
            "tiny-vae",
            "Tiny VAE",
            8,
            (name, manager, shape) -> Vae.create(name, manager, shape, 8),
            (model, plan) -> new VaeTraining((Vae) model, plan, GammaBalance.vanilla()),
            (profile, seed) -> ModelFamily.standardPlan(profile, seed, 3, 0, 1e-3));

    /** A map fit in one lambda: every code goes to the target's mean code on the fit points. */
    static final CodeMapFit MEAN_CODE = CodeMapFit.of("mean code", (source, target) -> {
        double[] mean = new double[target.width()];
        for (int i = 0; i < target.size(); i++) {
            for (int k = 0; k < mean.length; k++) {
                mean[k] += target.get(i, k) / (double) target.size();
            }
        }
        return LinearMap.of(new double[source.width()][target.width()], mean);
    });

    @Test
    void aRegisteredFamilyAndALambdaFitRunARelocation(@TempDir Path folder) throws Exception {
        ModelFamilies.register(TINY_VAE);
        assertSame(TINY_VAE, ModelFamily.parse("tiny-vae"), "the zoo command's --family finds it");
        ImageSet train = HandModels.noise(48, 1);
        ImageSet test = HandModels.noise(12, 2);
        ModelZoo zoo = ModelZoo.at(folder).progress(Progress.SILENT);
        TrainedModel one = zoo.get(TINY_VAE, 1, Profile.SMOKE, "random", train);
        TrainedModel two = zoo.get(TINY_VAE, 2, Profile.SMOKE, "random", train);
        assertEquals("Tiny VAE 1", one.name());
        Path checkpoint = zoo.file(TINY_VAE, 1, Profile.SMOKE, "random");
        assertTrue(
                Checkpoint.header(checkpoint).description().startsWith("latentmap model tiny-vae architecture "),
                Checkpoint.header(checkpoint).description());

        Relocation relocation = Relocations.on(train, test).relocate(one, two, MEAN_CODE, FitPoints.allOf(train));
        assertEquals("mean code", relocation.fit());
        // by hand: L-MSE is the mean squared distance of the target's test codes from its mean training code
        float[][] fitCodes = Codes.of(two, train).toRows();
        float[][] testCodes = Codes.of(two, test).toRows();
        double expected = 0;
        for (float[] code : testCodes) {
            for (int k = 0; k < 8; k++) {
                double mean = 0;
                for (float[] c : fitCodes) {
                    mean += c[k] / (double) fitCodes.length;
                }
                expected += Math.pow(code[k] - mean, 2) / (testCodes.length * 8.0);
            }
        }
        assertEquals(expected, relocation.lMseMean(), 1e-5 * expected);
    }

    @Test
    void aSecondFamilyWithTheSameKeyIsRefused() {
        ModelFamilies.register(TINY_VAE);
        ModelFamilies.register(TINY_VAE); // the same one again: nothing happens
        ModelFamily other =
                ModelFamily.of("tiny-vae", "Another", 8, TINY_VAE::create, TINY_VAE::training, TINY_VAE::plan);
        var error = assertThrows(IllegalArgumentException.class, () -> ModelFamilies.register(other));
        assertEquals(
                "a model family with key 'tiny-vae' is already registered (Tiny VAE): give yours another key",
                error.getMessage());
        var badKey = assertThrows(
                IllegalArgumentException.class,
                () -> ModelFamily.of("Tiny VAE", "x", 8, TINY_VAE::create, TINY_VAE::training, TINY_VAE::plan));
        assertTrue(badKey.getMessage().startsWith("a model family's key is lower-case letters"), badKey.getMessage());
    }

    @Test
    void theFingerprintFollowsTheArchitectureAndTheTrainingNotTheSeed() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Shape shape = new Shape(1, 32, 32);
            var plan = ModelFamily.standardPlan(Profile.SMOKE, 1, 3, 0, 1e-3);
            LatentModel a = ModelFamily.VAE.create("a", manager, shape, 1);
            LatentModel b = ModelFamily.VAE.create("b", manager, shape, 2);
            LatentModel wider = Vae.create("c", manager, shape, 65);
            String vae = ArchitectureFingerprint.of(a, ModelFamily.VAE.training(a, plan));
            assertEquals(vae, ArchitectureFingerprint.of(b, ModelFamily.VAE.training(b, plan)));
            assertNotEquals(
                    vae, ArchitectureFingerprint.of(wider, new VaeTraining((Vae) wider, plan, GammaBalance.vanilla())));
            assertNotEquals(
                    vae,
                    ArchitectureFingerprint.of(a, new VaeTraining((Vae) a, plan, GammaBalance.splitVae())),
                    "another gamma balance is another training");
            assertEquals(12, vae.length());
            assertTrue(
                    ArchitectureFingerprint.describe(a, ModelFamily.VAE.training(a, plan))
                            .contains("01SequentialBlock_01Conv2d_weight (32, 1, 4, 4)"),
                    "parameter names and shapes");
        }
    }
}
