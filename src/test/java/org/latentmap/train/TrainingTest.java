package org.latentmap.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.latentmap.data.ImageSet;
import org.latentmap.families.TodaysFamilies;
import org.latentmap.zoo.ModelFamilies;
import org.latentmap.zoo.ModelFamily;

class TrainingTest {
    private static final ImageSet DATA = Runs.images(64, 7);
    private NDManager manager;

    /** The built-in families and those registered through the extension point (the flow, the diffusion model). */
    static List<ModelFamily> families() {
        List<ModelFamily> all = new ArrayList<>(ModelFamilies.builtIn());
        all.addAll(TodaysFamilies.register());
        return all;
    }

    @BeforeEach
    void start() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void stop() {
        manager.close();
    }

    @ParameterizedTest
    @MethodSource("families")
    void theSameSeedGivesTheSameParametersAndAnotherSeedOthers(ModelFamily family) {
        TrainingPlan plan = Runs.plan(family, 4, family == ModelFamily.GAN ? 2 : 0, 11);
        Training first = Runs.training(manager, family, plan, DATA, null);
        first.run(null);
        Training second = Runs.training(manager, family, plan, DATA, null);
        second.run(null);
        Training other = Runs.training(manager, family, plan.withSeed(12), DATA, null);
        other.run(null);
        assertArrayEquals(Runs.state(first), Runs.state(second));
        assertArrayEquals(
                first.history().series(first.history().names().get(0)),
                second.history().series(second.history().names().get(0)));
        assertFalse(Arrays.equals(Runs.state(first), Runs.state(other)));
    }

    @ParameterizedTest
    @MethodSource("families")
    void aResumedTrainingEndsExactlyWhereAnUninterruptedOneDoes(ModelFamily family, @TempDir Path folder) {
        TrainingPlan plan = Runs.plan(family, 6, family == ModelFamily.GAN ? 2 : 0, 5);
        Training straight = Runs.training(manager, family, plan, DATA, null);
        assertEquals(plan.totalSteps(), straight.run(null));

        Path checkpoint = Runs.checkpoint(folder);
        // a first run stopped after 4 steps: the same plan cut short writes its checkpoint at step 4
        Training interrupted = Runs.training(manager, family, plan, DATA, (m, step) -> {
            if (step == 4) {
                throw new StopHere();
            }
            return new ShuffledBatches(DATA, plan.batchSize(), plan.seed()).batch(m, step);
        });
        assertThrows(StopHere.class, () -> interrupted.run(checkpoint));
        assertEquals(4, header(checkpoint).step());

        Training resumed = Runs.training(manager, family, plan, DATA, null);
        assertEquals(plan.totalSteps() - 4, resumed.run(checkpoint), "only the remaining steps run");
        assertArrayEquals(Runs.state(straight), Runs.state(resumed));
        assertEquals(straight.history().size(), resumed.history().size());
        assertTrue(header(checkpoint).finished());
        assertEquals(
                0, Runs.training(manager, family, plan, DATA, null).run(checkpoint), "a finished run trains nothing");
    }

    @Test
    void aNonFiniteLossStopsTheRunAndKeepsTheLastGoodCheckpoint(@TempDir Path folder) throws Exception {
        TrainingPlan plan = Runs.plan(ModelFamily.VAE, 10, 0, 3);
        ShuffledBatches clean = new ShuffledBatches(DATA, plan.batchSize(), plan.seed());
        Path checkpoint = Runs.checkpoint(folder);
        Training training = Runs.training(
                manager,
                ModelFamily.VAE,
                plan,
                DATA,
                (m, step) -> step < 5 ? clean.batch(m, step) : m.full(new Shape(8, 1, 32, 32), Float.NaN));
        TrainingDiverged error = assertThrows(TrainingDiverged.class, () -> training.run(checkpoint));
        assertEquals(5, error.step());
        assertTrue(error.getMessage().contains("at step 5"), error.getMessage());
        assertTrue(error.getMessage().contains("last good checkpoint (step 4)"), error.getMessage());
        assertEquals(4, header(checkpoint).step());
        assertEquals(1, Files.list(folder).count(), "no temporary file is left behind");

        // the checkpoint holds the state after step 4: resuming it on clean data matches a clean run
        Training resumed = Runs.training(manager, ModelFamily.VAE, plan, DATA, null);
        resumed.run(checkpoint);
        Training straight = Runs.training(manager, ModelFamily.VAE, plan, DATA, null);
        straight.run(null);
        assertArrayEquals(Runs.state(straight), Runs.state(resumed));
    }

    @Test
    void aCheckpointOfAnotherTrainingIsNotResumed(@TempDir Path folder) {
        TrainingPlan plan = Runs.plan(ModelFamily.VAE, 2, 0, 3);
        Path checkpoint = Runs.checkpoint(folder);
        Runs.training(manager, ModelFamily.VAE, plan, DATA, null).run(checkpoint);
        Training other = Runs.training(manager, ModelFamily.VAE, plan.withSeed(4), DATA, null);
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> other.run(checkpoint));
        assertTrue(error.getMessage().contains("belongs to another training"), error.getMessage());
    }

    @Test
    void aFileThatIsNoCheckpointIsReportedAsSuch(@TempDir Path folder) throws Exception {
        Path file = Runs.checkpoint(folder);
        Files.writeString(file, "not a checkpoint");
        var error = assertThrows(IOException.class, () -> Checkpoint.header(file));
        assertTrue(error.getMessage().contains("is not a latentmap checkpoint"), error.getMessage());
    }

    private static Checkpoint.Header header(Path file) {
        try {
            return Checkpoint.header(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class StopHere extends RuntimeException {}
}
