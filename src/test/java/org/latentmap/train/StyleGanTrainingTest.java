package org.latentmap.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentmap.data.ImageSet;
import org.latentmap.model.style.StyleGan;

class StyleGanTrainingTest {
    private static final ImageSet DATA = Runs.images(64, 7);
    private static NDManager manager;

    @BeforeAll
    static void start() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    private static Training training(long seed) {
        Engine.getInstance().setRandomSeed((int) seed);
        StyleGan model = StyleGan.create("style test", manager, new Shape(1, 32, 32), 16);
        TrainingPlan plan = new TrainingPlan(4, 2, 8, 2e-4, 2, seed);
        return new Training(
                new GanTraining(model, plan, 1f), new ShuffledBatches(DATA, 8, seed), plan, "style test " + seed);
    }

    @Test
    void aStyleGanTrainsDeterminedByItsSeed(@TempDir Path folder) {
        Training first = training(3);
        first.run(folder.resolve("a.ckpt"));
        Training second = training(3);
        second.run(folder.resolve("b.ckpt"));
        Training other = training(4);
        other.run(folder.resolve("c.ckpt"));
        assertArrayEquals(Runs.state(first), Runs.state(second));
        assertFalse(Arrays.equals(Runs.state(first), Runs.state(other)));
        assertEquals(6, first.history().size(), "4 adversarial and 2 re-coder steps");
        for (String loss : List.of("discriminator", "generator")) {
            assertTrue(Arrays.stream(first.history().series(loss)).limit(4).allMatch(Double::isFinite), loss);
        }
    }

    @Test
    void itsSpaceIsW(@TempDir Path folder) throws Exception {
        Training run = training(5);
        run.run(folder.resolve("a.ckpt"));
        StyleGan model = (StyleGan) run.trainable().model();
        var w = model.samplePrior(manager, 3);
        assertEquals(new Shape(3, 16), w.getShape());
        var images = model.decode(w);
        assertEquals(new Shape(3, 1, 32, 32), images.getShape());
        assertTrue(images.min().getFloat() >= 0 && images.max().getFloat() <= 1, "decoded images in [0, 1]");
        assertArrayEquals(images.toFloatArray(), model.decode(w).toFloatArray(), 0f, "decoding has no noise");
        assertEquals(new Shape(3, 16), model.encode(images).getShape());
        // a saved state loads into a fresh model and decodes the same
        byte[] state = Runs.state(run);
        Training fresh = training(9);
        fresh.trainable().load(new DataInputStream(new ByteArrayInputStream(state)));
        assertArrayEquals(
                images.toFloatArray(), fresh.trainable().model().decode(w).toFloatArray(), 0f);
    }

    @Test
    void theRealLabelIsAProbabilityAboveOneHalf() {
        StyleGan model = StyleGan.create("style test", manager, new Shape(1, 32, 32), 16);
        var error = assertThrows(
                IllegalArgumentException.class,
                () -> new GanTraining(model, new TrainingPlan(1, 0, 8, 2e-4, 2, 1), 0.3f));
        assertEquals("the discriminator's target for real images is in (0.5, 1], got 0.3", error.getMessage());
    }
}
