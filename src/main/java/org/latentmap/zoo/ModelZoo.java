package org.latentmap.zoo;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.latentmap.Profile;
import org.latentmap.data.ImageSet;
import org.latentmap.engine.Numerics;
import org.latentmap.model.LatentModel;
import org.latentmap.store.UnitLock;
import org.latentmap.train.Checkpoint;
import org.latentmap.train.ModelHealth;
import org.latentmap.train.Progress;
import org.latentmap.train.ProgressLine;
import org.latentmap.train.ShuffledBatches;
import org.latentmap.train.Trainable;
import org.latentmap.train.Training;
import org.latentmap.train.TrainingPlan;

/**
 * The trained models of the paper's experiments (Sect. 4.2: five trainings of each family), each identified
 * by (family, seed, profile, data set) and kept in a cache folder as a checkpoint. Asking for one loads it,
 * resumes its interrupted training, or trains it, showing progress. The folder is {@value #FOLDER_VARIABLE}
 * when set, else {@code ~/.cache/latentmap/zoo}. Every model it hands out is checked ({@link ModelCheck}: its
 * health, the shipped reproducibility record, earlier trainings of it in this zoo); {@link #all} leaves out a model
 * that fails its health check, saying so, except in the smoke profile.
 */
public final class ModelZoo {
    public static final String FOLDER_VARIABLE = "LATENTMAP_ZOO";
    /** The seeds of the paper's five trainings of each family. */
    public static final List<Long> SEEDS = List.of(1L, 2L, 3L, 4L, 5L);

    private final Path folder;
    private final NDManager manager;
    private Progress progress = ProgressLine.toStandardOutput();
    private UnaryOperator<TrainingPlan> planAdjustment = UnaryOperator.identity();
    private ReproducibilityRecord record = ReproducibilityRecord.shipped();
    private final Map<Path, ModelCheck> checks = new LinkedHashMap<>();

    private ModelZoo(Path folder) {
        this.folder = folder;
        this.manager = NDManager.newBaseManager();
    }

    /** A zoo caching in {@code folder}. */
    public static ModelZoo at(Path folder) {
        return new ModelZoo(folder);
    }

    /** The zoo in {@value #FOLDER_VARIABLE}, or in {@code ~/.cache/latentmap/zoo}. */
    public static ModelZoo standard() {
        return at(standardFolder());
    }

    /** The standard zoo's folder: {@value #FOLDER_VARIABLE}, or {@code ~/.cache/latentmap/zoo}. */
    public static Path standardFolder() {
        String configured = System.getenv(FOLDER_VARIABLE);
        return configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "latentmap", "zoo");
    }

    public Path folder() {
        return folder;
    }

    /** Where progress goes (standard output by default, which notebooks show too). */
    public ModelZoo progress(Progress newProgress) {
        this.progress = newProgress;
        return this;
    }

    /** Changes every plan before use (tests and benchmarks shorten trainings this way). */
    public ModelZoo adjustPlans(UnaryOperator<TrainingPlan> adjustment) {
        this.planAdjustment = adjustment;
        return this;
    }

    /** Compares models with {@code newRecord} instead of the shipped record (tests). */
    public ModelZoo record(ReproducibilityRecord newRecord) {
        this.record = newRecord;
        return this;
    }

    /**
     * What this zoo found for every model it handed out, in order (health, record, earlier trainings, kept or left
     * out): notebook 01 shows it, the index and the claims page read its file.
     */
    public List<ModelCheck> checks() {
        return List.copyOf(checks.values());
    }

    /** The check of one model this zoo handed out. */
    public ModelCheck check(TrainedModel model) {
        ModelCheck check = checks.get(model.checkpoint());
        if (check == null) {
            throw new IllegalArgumentException(model.name() + " did not come from this zoo");
        }
        return check;
    }

    /** The checkpoint file of one model. */
    public Path file(ModelFamily family, long seed, Profile profile, String dataset) {
        return folder.resolve(safe(dataset))
                .resolve(profile.toString())
                .resolve(family.key() + "-seed" + seed + ".ckpt");
    }

    /** Loads, resumes or trains the model of {@code family} with {@code seed} on {@code data}. */
    public TrainedModel get(ModelFamily family, long seed, Profile profile, String dataset, ImageSet data) {
        return get(family, seed, profile, dataset, data, family.displayName() + " seed " + seed, true);
    }

    private TrainedModel get(
            ModelFamily family,
            long seed,
            Profile profile,
            String dataset,
            ImageSet data,
            String label,
            boolean retryDamaged) {
        TrainingPlan plan = planAdjustment.apply(family.plan(profile, seed));
        if (data.size() < plan.batchSize()) {
            System.out.println(String.format(
                    Locale.ROOT,
                    "%s: only %d training images, fewer than a batch of %d: batches of %d instead",
                    label,
                    data.size(),
                    plan.batchSize(),
                    data.size()));
            plan = plan.withBatchSize(data.size());
        }
        Shape imageShape = new Shape(data.channels(), data.height(), data.width());
        String name = family.displayName() + " " + seed;
        LatentModel model = family.create(name, manager, imageShape, seed);
        Trainable trainable = family.training(model, plan);
        String description = description(
                family,
                ArchitectureFingerprint.of(model, trainable),
                seed,
                profile,
                dataset,
                data.size(),
                imageShape,
                plan);
        Path file = file(family, seed, profile, dataset);
        Training training = new Training(
                        trainable, new ShuffledBatches(data, plan.batchSize(), seed), plan, description)
                .progress(progress, label);
        long started = System.nanoTime();
        long ran;
        try {
            if (finished(file, description)) {
                ran = training.run(file); // loads it; a finished checkpoint is never written again
            } else {
                // one process trains a model; others wait for it, then load it (issue 31)
                try (UnitLock lock = UnitLock.acquire(lockFile(file), label, System.out::println)) {
                    discardIfStale(file, description);
                    ran = training.run(file);
                }
            }
        } catch (Checkpoint.Unreadable e) {
            if (!retryDamaged) {
                throw e;
            }
            System.out.println("The cached " + file.getFileName() + " is damaged ("
                    + e.getCause().getMessage() + "); training it again.");
            deleteDamaged(file);
            return get(family, seed, profile, dataset, data, label, false); // a fresh model, from the first step
        }
        double seconds = ran == 0 ? 0 : (System.nanoTime() - started) / 1e9;
        TrainedModel trained =
                new TrainedModel(family, seed, profile, dataset, model, training.history(), plan, seconds, file);
        ModelCheck check = examine(trained, data, description, ran > 0);
        checks.put(file, check);
        if (!check.kept()
                || check.record().outcome() == ReproducibilityRecord.Outcome.DIFFERS
                || !check.retraining().isEmpty()) {
            System.out.println(check.line());
        }
        return trained;
    }

    private ModelCheck examine(TrainedModel trained, ImageSet data, String description, boolean trainedNow) {
        ModelHealth health = ModelHealth.of(
                trained.model(),
                trained.history(),
                data,
                sample -> Arrays.stream(ReconstructionErrors.of(trained, sample, ZooStore.standard(), false))
                        .average()
                        .orElse(Double.NaN));
        String sha = Checkpoint.sha256(trained.checkpoint());
        String signature = Numerics.current().signature();
        var comparison = record.compare(ReproducibilityRecord.Entry.of(
                trained.dataset(), trained.profile(), trained.family(), trained.seed(), description, sha, signature));
        String retraining = TrainingLedger.in(trained.checkpoint().getParent())
                .note(trained.family().key() + "-seed" + trained.seed(), description, sha, signature, trainedNow);
        return new ModelCheck(
                trained, description, health, sha, comparison, retraining, ModelCheck.keeps(health, trained.profile()));
    }

    /**
     * The compared families, five seeds each (the paper's 15 models), in the order VAE, GAN, Split-VAE; three seeds
     * each in the smoke profile ({@link #seeds}).
     */
    public List<TrainedModel> all(Profile profile, String dataset, ImageSet data) {
        return all(ModelFamily.COMPARED, seeds(profile), profile, dataset, data);
    }

    /**
     * The seeds {@link #all} trains: the paper's five, or in the smoke profile the first three, which every pair
     * and every mean over seeds needs, so that the tests run each notebook on each data set in minutes.
     */
    public static List<Long> seeds(Profile profile) {
        return profile == Profile.SMOKE ? SEEDS.subList(0, 3) : SEEDS;
    }

    /** Every combination of the given families and seeds. */
    public List<TrainedModel> all(
            List<ModelFamily> families, List<Long> seeds, Profile profile, String dataset, ImageSet data) {
        List<TrainedModel> models = new ArrayList<>();
        int total = families.size() * seeds.size();
        int done = 0;
        for (ModelFamily family : families) {
            for (long seed : seeds) {
                String label =
                        String.format(Locale.ROOT, "[%d/%d] %s seed %d", ++done, total, family.displayName(), seed);
                TrainedModel model = get(family, seed, profile, dataset, data, label, true);
                if (check(model).kept()) {
                    models.add(model);
                }
            }
        }
        if (checks.values().stream().anyMatch(c -> c.health().failed() && c.kept())) {
            System.out.println(healthSummary());
        }
        return models;
    }

    /** One line on the health of the models this zoo handed out: all passed, which were left out, or kept anyway. */
    public String healthSummary() {
        List<ModelCheck> all = checks();
        List<String> failed = all.stream()
                .filter(c -> c.health().failed())
                .map(c -> c.model().name())
                .toList();
        if (failed.isEmpty()) {
            return "All " + all.size() + " models passed their health check.";
        }
        List<String> out = leftOut();
        if (out.isEmpty()) {
            return failed.size() + " of " + all.size() + " models failed their health check and are kept: the smoke"
                    + " profile's models are a few steps old.";
        }
        return out.size() + " of " + all.size() + " models failed their health check and are left out of this run: "
                + String.join(", ", out) + ".";
    }

    /**
     * The models of {@link #all} that the rule left out (failed health checks), by name: the notebooks say which
     * are missing from their tables.
     */
    public List<String> leftOut() {
        return checks.values().stream()
                .filter(c -> !c.kept())
                .map(c -> c.model().name())
                .toList();
    }

    /**
     * What a training is (a checkpoint's header, and the record's key to it): the family, its architecture's
     * fingerprint, the seed, the profile, the data set with its number and shape of images, and the plan.
     */
    static String description(
            ModelFamily family,
            String fingerprint,
            long seed,
            Profile profile,
            String dataset,
            long images,
            Shape imageShape,
            TrainingPlan plan) {
        return "latentmap model " + family.key() + " architecture " + fingerprint + ": seed " + seed + ", profile "
                + profile
                + ", data " + dataset + " " + images + "x" + imageShape.get(0) + "x" + imageShape.get(1) + "x"
                + imageShape.get(2)
                + ", " + plan;
    }

    /** The lock a training of {@code checkpoint} takes ({@link UnitLock}): "vae-seed1.ckpt.lock" beside it. */
    public static Path lockFile(Path checkpoint) {
        return checkpoint.resolveSibling(checkpoint.getFileName() + ".lock");
    }

    /** Whether {@code file} is a finished training of {@code description} (read without a lock). */
    private static boolean finished(Path file, String description) {
        try {
            Checkpoint.Header header = Checkpoint.header(file);
            return header.finished() && header.description().equals(description);
        } catch (IOException | RuntimeException e) {
            return false; // missing, being written for the first time, or damaged: the locked path says which
        }
    }

    /** Deletes a cached checkpoint of another training, or one that cannot be read, saying why (held lock). */
    private void discardIfStale(Path file, String description) {
        if (!Files.exists(file)) {
            return;
        }
        try {
            String saved = Checkpoint.header(file).description();
            if (!saved.equals(description)) {
                System.out.println("The cached " + file.getFileName() + " was trained differently (" + saved
                        + "); training it again.");
                Files.delete(file);
            }
        } catch (IOException | RuntimeException e) {
            System.out.println(
                    "The cached " + file.getFileName() + " is damaged (" + e.getMessage() + "); training it again.");
            deleteDamaged(file);
        }
    }

    private static void deleteDamaged(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException d) {
            throw new UncheckedIOException("cannot delete the damaged model " + file + ": delete it by hand", d);
        }
    }

    private static String safe(String name) {
        String cleaned = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
        if (cleaned.isEmpty() || cleaned.startsWith(".")) {
            throw new IllegalArgumentException("a data set name must contain letters or digits, got '" + name + "'");
        }
        return cleaned;
    }
}
