package org.latentmap.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.latentmap.engine.GradMode;
import org.latentmap.engine.NativeMemory;

/**
 * The training loop shared by every model: resumes from the checkpoint when there is one for the same
 * description, runs the remaining steps with the engine's random generator reseeded from (seed, step) so
 * that a resumed run equals an uninterrupted one, writes a checkpoint every {@code plan.checkpointEvery()}
 * steps and at the end, and stops on a non-finite loss leaving the last good checkpoint in place. The engine's
 * settings are pinned first ({@link org.latentmap.engine.Numerics#configure}, through {@link GradMode}): with them, a training's bytes
 * depend on its seed, plan, data and code and on the machine's {@link org.latentmap.engine.Numerics} signature only.
 */
public final class Training {
    private final Trainable trainable;
    private final Batches batches;
    private final TrainingPlan plan;
    private final String description;
    private final LossHistory history;
    private Progress progress = Progress.SILENT;
    private String label = "training";

    public Training(Trainable trainable, Batches batches, TrainingPlan plan, String description) {
        this.trainable = trainable;
        this.batches = batches;
        this.plan = plan;
        this.description = description;
        this.history = new LossHistory(trainable.lossNames());
    }

    public Training progress(Progress newProgress, String newLabel) {
        this.progress = newProgress;
        this.label = newLabel;
        return this;
    }

    public LossHistory history() {
        return history;
    }

    public Trainable trainable() {
        return trainable;
    }

    /**
     * Trains to the end of the plan, checkpointing into {@code checkpoint} (null: no checkpoints). A
     * finished checkpoint is loaded and nothing is trained. Returns the number of steps this call ran.
     */
    public long run(Path checkpoint) {
        GradMode.offForThisThread();
        long total = plan.totalSteps();
        long step = checkpoint == null ? 0 : resume(checkpoint);
        long first = step;
        long saved = step;
        if (step >= total) {
            return 0;
        }
        progress.start(label, step, total);
        try {
            while (step < total) {
                Engine.getInstance().setRandomSeed(stepSeed(plan.seed(), step));
                double[] losses;
                try (NDManager manager = NDManager.newBaseManager();
                        NDScope ignored = new NDScope()) {
                    NDArray batch = batches.batch(manager, step);
                    losses = trainable.step(batch, step);
                }
                history.add(losses);
                step++;
                progress.update(step, total, firstFinite(losses));
                if (checkpoint != null && (step % plan.checkpointEvery() == 0 || step == total)) {
                    save(checkpoint, step);
                    saved = step;
                }
            }
            progress.end(step, total, null);
            NativeMemory.trim(); // the steps' freed arrays back to the system (NativeMemory)
            return step - first;
        } catch (TrainingDiverged e) {
            progress.end(step, total, e);
            String advice = checkpoint == null || saved == 0
                    ? "no checkpoint was written; try a lower learning rate or another seed"
                    : "the last good checkpoint (step " + saved + ") stays in " + checkpoint
                            + "; try a lower learning rate or another seed";
            throw new TrainingDiverged(e, advice);
        } catch (RuntimeException | Error e) {
            progress.end(step, total, e);
            throw e;
        }
    }

    private long resume(Path checkpoint) {
        if (!Files.exists(checkpoint)) {
            return 0;
        }
        try {
            Checkpoint.Header header = Checkpoint.header(checkpoint);
            if (!header.description().equals(description)) {
                throw new IllegalStateException("the checkpoint " + checkpoint + " belongs to another training ("
                        + header.description() + "), not to " + description + ": delete it or use another file");
            }
            Checkpoint.read(checkpoint, history, trainable);
            history.truncate(header.step());
            return header.step();
        } catch (IOException e) {
            throw new Checkpoint.Unreadable(checkpoint, e);
        }
    }

    private void save(Path checkpoint, long step) {
        try {
            Checkpoint.write(
                    checkpoint, new Checkpoint.Header(description, step, plan.totalSteps()), history, trainable);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint " + checkpoint + ": " + e.getMessage(), e);
        }
    }

    /** The engine seed of one step: a mix of the plan's seed and the step number. */
    static int stepSeed(long seed, long step) {
        long h = seed * 0x9E3779B97F4A7C15L + step * 0xC2B2AE3D27D4EB4FL;
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 29;
        return (int) (h & 0x7fffffff);
    }

    private static double firstFinite(double[] losses) {
        for (double v : losses) {
            if (!Double.isNaN(v)) {
                return v;
            }
        }
        return Double.NaN;
    }
}
