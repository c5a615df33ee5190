package org.latentmap.stylegan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentmap.Profile;
import org.latentmap.data.ImageSet;
import org.latentmap.model.style.StyleGan;
import org.latentmap.testing.HandModels;
import org.latentmap.train.GanTraining;
import org.latentmap.train.Progress;
import org.latentmap.train.ReconstructionError;
import org.latentmap.train.ShuffledBatches;
import org.latentmap.train.Training;
import org.latentmap.train.TrainingPlan;
import org.latentmap.zoo.ModelFamily;
import org.latentmap.zoo.TrainedModel;

class InversionTest {
    @Test
    void imagesATinyTrainedModelDrawsAreRecoveredAndTheModelIsLeftAsItWas(@TempDir Path folder) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(2);
            StyleGan model = StyleGan.create("tiny", manager, new Shape(1, 32, 32), 8);
            // a few adversarial and re-coder steps on random images: a trained model, briefly
            TrainingPlan plan = new TrainingPlan(8, 2, 8, 2e-4, 4, 2);
            new Training(new GanTraining(model, plan, 1f), new ShuffledBatches(noise(32), 8, 2), plan, "tiny")
                    .run(folder.resolve("tiny.ckpt"));
            ImageSet drawn = ImageSet.of(model.decode(model.samplePrior(manager, 4)));
            int parameters = model.generatorParameters().size();
            var result = Inversion.of(model).steps(150).learningRate(0.05).invert(drawn);
            assertEquals(4, result.codes().size());
            assertEquals(8, result.codes().width());
            assertEquals(4, result.images().size());
            assertEquals(
                    result.error()[1],
                    mse(result.images().image(1), drawn.image(1)),
                    1e-6,
                    "the images drawn from the codes found");
            assertTrue(result.meanError() < 0.1 * result.meanStartError(), result.toString());
            assertEquals(
                    parameters, model.generatorParameters().size(), "the model's parameters train again afterwards");
            var error = assertThrows(
                    IllegalArgumentException.class, () -> Inversion.of(model).steps(0));
            assertEquals("an inversion needs steps >= 1 and a learning rate > 0; got 0 and 0.05", error.getMessage());

            // the comparison table: its own drawings against images it cannot draw (noise)
            List<String> told = new ArrayList<>();
            Progress recording = new Progress() {
                public void start(String what, long step, long total) {
                    told.add(what + " " + step + "/" + total);
                }

                public void update(long step, long total, double loss) {}

                public void end(long step, long total, Throwable failure) {
                    told.add("end " + step + "/" + total);
                }
            };
            var comparison = InversionComparison.of(
                            model, Inversion.of(model).steps(60).progress(recording))
                    .add("own samples", drawn)
                    .add("noise", noise(4));
            assertEquals(List.of("inverting 4 images 0/60", "end 60/60", "inverting 4 images 0/60", "end 60/60"), told);
            var table = comparison.table();
            assertEquals(
                    List.of("own samples", "noise"),
                    table.stringColumn("images").asList());
            assertEquals(1.0, table.doubleColumn("re-coder x first").get(0), 1e-12);
            assertEquals(
                    ReconstructionError.of(model, drawn),
                    comparison.row("own samples").recoderError(),
                    1e-9);
            assertTrue(
                    comparison.row("noise").inversion().meanError()
                            > 2 * comparison.row("own samples").inversion().meanError(),
                    comparison.toString());
            assertEquals(
                    comparison.row("noise").inversion().meanError()
                            / comparison.row("own samples").inversion().meanError(),
                    table.doubleColumn("optimised x first").get(1),
                    1e-3 * table.doubleColumn("optimised x first").get(1));
            var twice = assertThrows(IllegalArgumentException.class, () -> comparison.add("noise", noise(2)));
            assertEquals("the comparison already has a row named \"noise\"", twice.getMessage());
            var missing = assertThrows(IllegalArgumentException.class, () -> comparison.row("support set"));
            assertEquals("no row named \"support set\"; the rows are [own samples, noise]", missing.getMessage());
        }
    }

    @Test
    void aZooModelsInversionIsStoredAndReadBackExactly(@TempDir Path folder) throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            StyleGan model = StyleGan.create("tiny", manager, new Shape(1, 32, 32), 8);
            Path checkpoint = folder.resolve("tiny.ckpt");
            Files.writeString(checkpoint, "weights of tiny");
            var zoo =
                    new TrainedModel(ModelFamily.STYLE_GAN, 1, Profile.SMOKE, "test", model, null, null, 0, checkpoint);
            List<String> told = new ArrayList<>();
            Progress counting = new Progress() {
                public void start(String what, long step, long total) {
                    told.add(what);
                }

                public void update(long step, long total, double loss) {}

                public void end(long step, long total, Throwable failure) {}
            };
            ImageSet images = noise(3);
            var first = Inversion.of(zoo).steps(5).progress(counting).invert(images);
            var again = Inversion.of(zoo).steps(5).progress(counting).invert(images);
            assertEquals(1, told.size(), "optimised once, then read: " + told);
            for (int i = 0; i < 3; i++) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(
                        first.codes().row(i), again.codes().row(i));
                org.junit.jupiter.api.Assertions.assertArrayEquals(
                        first.images().image(i), again.images().image(i));
            }
            org.junit.jupiter.api.Assertions.assertArrayEquals(first.error(), again.error());
            org.junit.jupiter.api.Assertions.assertArrayEquals(first.startError(), again.startError());
            Inversion.of(zoo).steps(6).progress(counting).invert(images);
            assertEquals(2, told.size(), "other settings are optimised again");
            var notAGenerator = assertThrows(
                    IllegalArgumentException.class, () -> Inversion.of(HandModels.scaling("V", ModelFamily.VAE, 1, 1)));
            assertTrue(
                    notAGenerator.getMessage().contains("inversion optimises the code of a generator"),
                    notAGenerator.getMessage());
        }
    }

    private static ImageSet noise(int count) {
        SplittableRandom random = new SplittableRandom(4);
        float[] pixels = new float[count * 32 * 32];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) random.nextDouble();
        }
        return new ImageSet(pixels, count, 1, 32, 32, null, null);
    }

    private static double mse(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return sum / a.length;
    }
}
