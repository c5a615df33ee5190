package org.latentmap.studies;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.latentmap.AtomicFile;
import org.latentmap.Profile;
import org.latentmap.ResultFile;
import org.latentmap.data.ImageSet;
import org.latentmap.metrics.Stats;
import org.latentmap.model.LatentModel;
import org.latentmap.relocation.CodeMapFit;
import org.latentmap.relocation.FitPoints;
import org.latentmap.relocation.Relocation;
import org.latentmap.relocation.Relocations;
import org.latentmap.train.Progress;
import org.latentmap.train.ShuffledBatches;
import org.latentmap.train.Trainable;
import org.latentmap.train.Training;
import org.latentmap.train.TrainingPlan;
import org.latentmap.zoo.ModelFamily;
import org.latentmap.zoo.ModelZoo;
import org.latentmap.zoo.TrainedModel;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * A model as it was at points along its training (issue 33: Badrinath et al. report that a flow's latent space
 * settles early in training): the zoo's training of {@code family} and {@code seed} run again in this process, the
 * same model, plan and batches, with its parameters kept at the chosen steps. The kept states are stored beside the
 * zoo's checkpoint ({@code flow-seed1.step-375.state}), so a second run reads them instead of training again. Trainings
 * are a function of their seed, so the snapshot at the last step is the zoo's model again (notebook 08b checks that the
 * two give the same codes).
 */
public final class TrainingSnapshots {
    /** Columns of {@link #towards}. */
    public static final String SHARE = "share of training", M_MSE = "M-MSE", YARDSTICK = "retraining M-MSE";

    /** Notebook 08b's table of a flow's snapshots relocated onto the trained flow. */
    public static final ResultFile FILE = new ResultFile("flow-settling.csv", "notebook 08b");

    private final List<TrainedModel> snapshots;
    private final List<Integer> steps;

    private TrainingSnapshots(List<TrainedModel> snapshots, List<Integer> steps) {
        this.snapshots = snapshots;
        this.steps = steps;
    }

    /**
     * The model of {@code family} and {@code seed} after each fraction of its plan's steps in {@code fractions} (in
     * (0, 1]; 1 is the trained model).
     */
    public static TrainingSnapshots of(
            ModelZoo zoo,
            ModelFamily family,
            long seed,
            Profile profile,
            String dataset,
            ImageSet train,
            double... fractions) {
        NDManager manager = NDManager.newBaseManager(); // the snapshots' parameters live as long as the models
        TrainingPlan plan = family.plan(profile, seed);
        if (plan.recoderSteps() > 0) {
            throw new IllegalArgumentException(
                    family.displayName() + " trains in two phases; snapshots follow one-phase trainings only");
        }
        TreeMap<Integer, Path> wanted = new TreeMap<>();
        Path checkpoint = zoo.file(family, seed, profile, dataset);
        for (double f : fractions) {
            if (!(f > 0 && f <= 1)) {
                throw new IllegalArgumentException("a snapshot is a fraction of the training in (0, 1]; got " + f);
            }
            int step = Math.max(1, (int) Math.round(f * plan.steps()));
            wanted.put(step, checkpoint.resolveSibling(family.key() + "-seed" + seed + ".step-" + step + ".state"));
        }
        Shape shape = new Shape(train.channels(), train.height(), train.width());
        if (!wanted.values().stream().allMatch(Files::exists)) {
            record(family, seed, plan, train, shape, manager, wanted);
        }
        List<TrainedModel> snapshots = new ArrayList<>();
        for (var entry : wanted.entrySet()) {
            LatentModel model = family.create(
                    family.displayName() + " " + seed + " at step " + entry.getKey(), manager, shape, seed);
            Trainable trainable = family.training(model, plan);
            try {
                trainable.load(new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(entry.getValue()))));
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "cannot read the snapshot " + entry.getValue() + ": " + e.getMessage(), e);
            }
            snapshots.add(new TrainedModel(family, seed, profile, dataset, model, null, plan, 0));
        }
        return new TrainingSnapshots(snapshots, List.copyOf(wanted.keySet()));
    }

    /** Trains once from the start, writing the state at each wanted step. */
    private static void record(
            ModelFamily family,
            long seed,
            TrainingPlan plan,
            ImageSet train,
            Shape shape,
            NDManager manager,
            TreeMap<Integer, Path> wanted) {
        LatentModel model = family.create(family.displayName() + " " + seed, manager, shape, seed);
        Trainable trainable = family.training(model, plan);
        Progress keeper = new Progress() {
            @Override
            public void start(String what, long step, long total) {
                System.out.println("training " + what + " again to keep " + wanted.size() + " snapshots");
            }

            @Override
            public void update(long step, long total, double loss) {
                Path file = wanted.get((int) step);
                if (file != null) {
                    try {
                        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                        trainable.save(new DataOutputStream(bytes));
                        AtomicFile.write(file, channel -> channel.write(ByteBuffer.wrap(bytes.toByteArray())));
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot write the snapshot " + file + ": " + e.getMessage(), e);
                    }
                }
            }

            @Override
            public void end(long step, long total, Throwable error) {}
        };
        new Training(trainable, new ShuffledBatches(train, plan.batchSize(), seed), plan, "snapshots")
                .progress(keeper, family.displayName() + " " + seed)
                .run(null);
    }

    /** The snapshots, earliest first; the last is the trained model when the fractions end at 1. */
    public List<TrainedModel> snapshots() {
        return snapshots;
    }

    /** The step of each snapshot. */
    public List<Integer> steps() {
        return steps;
    }

    /**
     * How far each snapshot's latent space is from the trained model's: the snapshot relocated onto {@code trained} by
     * {@code fit} on {@code points}, per snapshot its step, L-MSE and M-MSE (and {@code trained}'s own R-MSE, the least
     * M-MSE can be), beside the M-MSE of {@code yardstick} (another retraining relocated onto {@code trained}).
     */
    public Table towards(
            TrainedModel trained, Relocations relocations, CodeMapFit fit, FitPoints points, Relocation yardstick) {
        IntColumn step = IntColumn.create("step");
        DoubleColumn share = DoubleColumn.create(SHARE);
        DoubleColumn lMse = DoubleColumn.create("L-MSE");
        DoubleColumn mMse = DoubleColumn.create(M_MSE);
        DoubleColumn target = DoubleColumn.create("target R-MSE");
        DoubleColumn retraining = DoubleColumn.create(YARDSTICK);
        for (int i = 0; i < snapshots.size(); i++) {
            Relocation r = relocations.relocate(snapshots.get(i), trained, fit, points);
            step.append(steps.get(i));
            share.append(Stats.significant(
                    steps.get(i) / (double) snapshots.get(i).plan().steps(), 3));
            lMse.append(Stats.significant(r.lMseMean(), 4));
            mMse.append(Stats.significant(r.mMseMean(), 4));
            target.append(Stats.significant(r.targetRMseMean(), 4));
            retraining.append(Stats.significant(yardstick.mMseMean(), 4));
        }
        return Table.create(
                trained.name() + "'s training: each snapshot relocated onto the trained model, " + fit.name() + " on "
                        + points.label(),
                step,
                share,
                lMse,
                mMse,
                target,
                retraining);
    }
}
