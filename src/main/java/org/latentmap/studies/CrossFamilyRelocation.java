package org.latentmap.studies;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import org.latentmap.Profile;
import org.latentmap.ResultFile;
import org.latentmap.data.ImageSet;
import org.latentmap.metrics.Baselines;
import org.latentmap.metrics.Stats;
import org.latentmap.relocation.CodeMapFit;
import org.latentmap.relocation.FitPoints;
import org.latentmap.relocation.LinearMap;
import org.latentmap.relocation.Relocation;
import org.latentmap.relocation.Relocations;
import org.latentmap.support.SupportSet;
import org.latentmap.train.Progress;
import org.latentmap.train.ProgressLine;
import org.latentmap.zoo.TrainedModel;
import org.latentmap.zoo.WalkthroughData;
import tech.tablesaw.aggregate.AggregateFunctions;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Relocation across generative families (issue 33; Badrinath et al. 2024, arXiv 2407.13449, extend the paper to
 * normalizing flows and diffusion models): maps between the paper's 64- and 150-variable codes and the flow's and the
 * diffusion model's codes of one variable per pixel, both ways, fitted on the support set and on a training subset,
 * measured by L-, R- and M-MSE on a subset of the relocation test images. A diffusion model encodes by DDIM inversion,
 * one pass of its U-Net per step and image, so neither the 60,000 training images nor all test images are encoded:
 * the fit pool is the support set followed by {@code extra} other training images drawn by a seed, and the test
 * images are the first {@code testImages} of the relocation test set. The support set's rows are the pool's first.
 */
public final class CrossFamilyRelocation {
    /** The notebook's per-relocation table. */
    public static final ResultFile FILE = new ResultFile("cross-family.csv", "notebook 08b");
    /** The notebook's summary, mean and sd over the seeds of each kind of pair. */
    public static final ResultFile SUMMARY_FILE = new ResultFile("cross-family-summary.csv", "notebook 08b");

    /** The column naming the kind of pair: "VAE -> RealNVP". */
    public static final String KIND = "families";

    /**
     * The identity as a map, for two models of one latent space (two diffusion retrainings: does the same noise mean
     * the same image?); refuses spaces of different sizes.
     */
    public static final CodeMapFit IDENTITY = CodeMapFit.of("identity", (source, target) -> {
        if (source.width() != target.width()) {
            throw new IllegalArgumentException("the identity maps a space onto one of its own size; these have "
                    + source.width() + " and " + target.width() + " variables");
        }
        double[][] weights = new double[source.width()][source.width()];
        for (int i = 0; i < weights.length; i++) {
            weights[i][i] = 1;
        }
        return LinearMap.of(weights, new double[source.width()]);
    });

    private final ImageSet pool;
    private final ImageSet test;
    private final int supportSize;
    private final Relocations relocations;

    private CrossFamilyRelocation(ImageSet pool, ImageSet test, int supportSize) {
        this.pool = pool;
        this.test = test;
        this.supportSize = supportSize;
        this.relocations = Relocations.on(pool, test);
    }

    /**
     * The fit pool (the support set's images, then {@code extra} other training images drawn with {@code seed}) and
     * the first {@code testImages} test images.
     */
    public static CrossFamilyRelocation on(
            ImageSet train, ImageSet relocationTest, SupportSet support, int extra, int testImages, long seed) {
        if (extra < 0 || extra > train.size() - support.size()) {
            throw new IllegalArgumentException("the extra training images are between 0 and "
                    + (train.size() - support.size()) + " (the training images outside the support set); got " + extra);
        }
        if (testImages < 1 || testImages > relocationTest.size()) {
            throw new IllegalArgumentException(
                    "the test images are between 1 and " + relocationTest.size() + "; got " + testImages);
        }
        boolean[] taken = new boolean[train.size()];
        int[] chosen = new int[support.size() + extra];
        int n = 0;
        for (int i : support.indices()) {
            taken[i] = true;
            chosen[n++] = i;
        }
        Random random = new Random(seed);
        while (n < chosen.length) {
            int i = random.nextInt(train.size());
            if (!taken[i]) {
                taken[i] = true;
                chosen[n++] = i;
            }
        }
        return new CrossFamilyRelocation(train.select(chosen), relocationTest.head(testImages), support.size());
    }

    /**
     * The walkthrough's setting: the support set and 1,000 more training images (20 in the smoke profile), the first
     * 500 relocation test images (30), drawn with seed 1.
     */
    public static CrossFamilyRelocation walkthrough(WalkthroughData data, Profile profile, SupportSet support) {
        return on(data.train(), data.relocationTest(), support, profile.pick(1000, 20), profile.pick(500, 30), 1);
    }

    /** The images maps are fitted on: the support set's, then the extra ones. */
    public ImageSet fitPool() {
        return pool;
    }

    /** The images relocations are measured on. */
    public ImageSet testImages() {
        return test;
    }

    /** The relocations themselves, to measure a map of your own on the same images. */
    public Relocations relocations() {
        return relocations;
    }

    /** The support set, as rows of the fit pool. */
    public FitPoints supportSet() {
        return FitPoints.supportSet(
                SupportSet.of(IntStream.range(0, supportSize).toArray()));
    }

    /** The whole fit pool. */
    public FitPoints trainingSubset() {
        return FitPoints.allOf(pool);
    }

    /**
     * The pairs across families: every model of {@code paper} with every model of {@code today}, both ways; and every
     * ordered pair of distinct retrainings within each family of {@code today}.
     */
    public static List<TrainedModel[]> pairs(List<TrainedModel> paper, List<TrainedModel> today) {
        return pairs(paper, today, Integer.MAX_VALUE);
    }

    /**
     * The same, with only today's models of seeds up to {@code seedsAcross} paired with the paper's (the smoke profile
     * takes 1, to keep the tests short); the retraining pairs keep every seed.
     */
    public static List<TrainedModel[]> pairs(List<TrainedModel> paper, List<TrainedModel> today, int seedsAcross) {
        List<TrainedModel[]> pairs = new ArrayList<>();
        for (TrainedModel a : paper) {
            for (TrainedModel b : today) {
                if (b.seed() > seedsAcross) {
                    continue;
                }
                pairs.add(new TrainedModel[] {a, b});
                pairs.add(new TrainedModel[] {b, a});
            }
        }
        for (TrainedModel a : today) {
            for (TrainedModel b : today) {
                if (a != b && a.family() == b.family()) {
                    pairs.add(new TrainedModel[] {a, b});
                }
            }
        }
        return pairs;
    }

    /**
     * The walkthrough's pairs in {@code profile}: every pair ({@link #pairs(List, List)}); in the smoke profile, to
     * keep the test run short, only the first of {@code paper} with today's seed-1 models across families (both
     * ways), and every retraining pair within today's families.
     */
    public static List<TrainedModel[]> pairs(List<TrainedModel> paper, List<TrainedModel> today, Profile profile) {
        return profile == Profile.SMOKE && !paper.isEmpty()
                ? pairs(paper.subList(0, 1), today, 1)
                : pairs(paper, today);
    }

    /** Every pair relocated by {@code fit}, on the support set and on the training subset, with a progress line. */
    public List<Relocation> run(List<TrainedModel[]> pairs, CodeMapFit fit) {
        Progress progress = ProgressLine.toStandardOutput("relocation");
        List<FitPoints> points = List.of(supportSet(), trainingSubset());
        long total = (long) pairs.size() * points.size();
        progress.start("across families, " + fit.name(), 0, total);
        List<Relocation> results = new ArrayList<>();
        for (TrainedModel[] pair : pairs) {
            for (FitPoints at : points) {
                results.add(relocations.relocate(pair[0], pair[1], fit, at));
                progress.update(results.size(), total, Double.NaN);
            }
        }
        progress.end(results.size(), total, null);
        return results;
    }

    /** What the fit points are called in the tables: "support set (150)", "training subset (1,150)". */
    public String pointsLabel(Relocation r) {
        return r.fittedOn().startsWith(FitPoints.SUPPORT_SET)
                ? "support set (" + supportSize + ")"
                : String.format(Locale.ROOT, "training subset (%,d)", pool.size());
    }

    /**
     * One row per relocation: the kind of pair, the pair, the fit points, L-MSE, the source's and the target's R-MSE,
     * M-MSE, and the strongest of {@code baselines} (on the same test images) that M-MSE beats.
     */
    public Table table(List<Relocation> results, Baselines baselines) {
        StringColumn kind = StringColumn.create(KIND);
        StringColumn pair = StringColumn.create("pair");
        StringColumn on = StringColumn.create("fitted on");
        DoubleColumn lMse = DoubleColumn.create("L-MSE");
        DoubleColumn source = DoubleColumn.create("source R-MSE");
        DoubleColumn mMse = DoubleColumn.create("M-MSE");
        DoubleColumn target = DoubleColumn.create("target R-MSE");
        StringColumn beats = StringColumn.create(Table2.BEATS);
        for (Relocation r : results) {
            kind.append(r.source().family().displayName() + " -> "
                    + r.target().family().displayName());
            pair.append(r.source().name() + " -> " + r.target().name());
            on.append(pointsLabel(r));
            lMse.append(Stats.significant(r.lMseMean(), 4));
            source.append(Stats.significant(r.rMseMean(), 4));
            mMse.append(Stats.significant(r.mMseMean(), 4));
            target.append(Stats.significant(r.targetRMseMean(), 4));
            beats.append(baselines.strongestBeaten(r.mMseMean()));
        }
        return Table.create("Relocation across families", kind, pair, on, lMse, source, mMse, target, beats);
    }

    /** {@link #table}'s M-MSE and target R-MSE per kind of pair and fit points: mean, sd and count over the pairs. */
    public Table summary(List<Relocation> results, Baselines baselines) {
        Table all = table(results, baselines);
        Table summary = all.summarize("M-MSE", "target R-MSE", AggregateFunctions.mean, AggregateFunctions.stdDev)
                .by(KIND, "fitted on");
        IntColumn pairs = IntColumn.create("pairs");
        for (int row = 0; row < summary.rowCount(); row++) {
            String k = summary.stringColumn(KIND).get(row);
            String at = summary.stringColumn("fitted on").get(row);
            pairs.append(all.where(all.stringColumn(KIND)
                            .isEqualTo(k)
                            .and(all.stringColumn("fitted on").isEqualTo(at)))
                    .rowCount());
        }
        for (int c = 2; c < summary.columnCount(); c++) {
            DoubleColumn column = summary.doubleColumn(c);
            for (int row = 0; row < column.size(); row++) {
                if (!column.isMissing(row)) { // a relocation without a finite error stays missing
                    column.set(row, Stats.significant(column.getDouble(row), 4));
                }
            }
        }
        return summary.addColumns(pairs).setName("Relocation across families, over seeds");
    }
}
