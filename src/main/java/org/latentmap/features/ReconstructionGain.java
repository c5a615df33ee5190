package org.latentmap.features;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.IntStream;
import org.latentmap.ResultFile;
import org.latentmap.data.ImageSet;
import org.latentmap.engine.GradMode;
import org.latentmap.model.LatentModel;
import org.latentmap.store.Rule;
import org.latentmap.train.Losses;
import org.latentmap.train.Progress;
import org.latentmap.train.ProgressLine;
import org.latentmap.zoo.TrainedModel;
import org.latentmap.zoo.ZooStore;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * How much each latent variable of a model carries (paper Sect. 5): the gain of variable i is the mean over
 * the data of (reconstruction error with z_i set to 0) minus (reconstruction error with z intact), the
 * error being the mean squared error per pixel. Variables the model ignores have a gain near 0.
 */
public final class ReconstructionGain {
    /** Notebook 02's {@link #summary}. */
    public static final ResultFile FILE = new ResultFile("reconstruction-gain.csv", "notebook 02");
    /** Columns of {@link #summary} that others read. */
    public static final String MODEL = "model";

    public static final String LATENT_SIZE = "latent size";
    public static final String FOR_90 = "variables for 90%";

    /** The stored numbers: every variable's gain, then the intact error. */
    public static final Rule RULE = Rule.named("reconstruction-gain v1");

    private static final int BATCH = 32;
    /** Images decoded in one forward pass (variables x images of a batch): bounds the activations' memory. */
    private static final int DECODED_AT_ONCE = 512;

    private final double[] gains;
    private final double intactError;

    private ReconstructionGain(double[] gains, double intactError) {
        this.gains = gains;
        this.intactError = intactError;
    }

    /** Measures the gain of every variable of {@code model} on {@code images}, in batched passes. */
    public static ReconstructionGain of(LatentModel model, ImageSet images) {
        return of(model, images, Progress.SILENT);
    }

    /**
     * As {@link #of(LatentModel, ImageSet)} for a zoo model, with a progress line on standard output; stored
     * by the {@link ZooStore}, so computed once for a model and images.
     */
    public static ReconstructionGain of(TrainedModel model, ImageSet images) {
        int latent = model.model().latentSize();
        double[] stored = ZooStore.standard().values(model, images, RULE, latent + 1, () -> {
            ReconstructionGain gain = of(model.model(), images, ProgressLine.toStandardOutput("batch"));
            double[] values = Arrays.copyOf(gain.gains, latent + 1);
            values[latent] = gain.intactError;
            return values;
        });
        return new ReconstructionGain(Arrays.copyOf(stored, latent), stored[latent]);
    }

    /** As {@link #of(LatentModel, ImageSet)}, telling {@code progress} after each batch of images. */
    public static ReconstructionGain of(LatentModel model, ImageSet images, Progress progress) {
        if (images.size() == 0) {
            throw new IllegalArgumentException("the reconstruction gain needs at least one image; the set is empty");
        }
        GradMode.offForThisThread();
        int latent = model.latentSize();
        double[] zeroedSum = new double[latent];
        double intactSum = 0;
        long batches = (images.size() + BATCH - 1) / BATCH;
        progress.start(
                model.name() + ": reconstruction gain of " + latent + " variables on " + images.size() + " images",
                0,
                batches);
        for (int from = 0; from < images.size(); from += BATCH) {
            int to = Math.min(images.size(), from + BATCH);
            int n = to - from;
            try (NDManager manager = NDManager.newBaseManager()) {
                NDArray x = images.toNDArray(manager, from, to);
                NDArray codes = model.encode(x);
                intactSum += Losses.meanSquaredErrorPerImage(x, model.decode(codes))
                        .sum()
                        .getFloat();
                // block i of the tiled codes has variable i set to 0, decoded a few variables at a time so that
                // no forward pass holds more than DECODED_AT_ONCE images' activations
                NDArray mask = manager.eye(latent).neg().add(manager.full(new Shape(), 1f));
                int variablesAtOnce = Math.max(1, DECODED_AT_ONCE / n);
                for (int first = 0; first < latent; first += variablesAtOnce) {
                    int last = Math.min(latent, first + variablesAtOnce);
                    try (NDManager chunk = manager.newSubManager()) {
                        NDArray tiled = codes.tile(new long[] {last - first, 1});
                        tiled.attach(chunk);
                        NDArray masks = mask.get(first + ":" + last).repeat(0, n);
                        masks.attach(chunk);
                        NDArray zeroed = model.decode(tiled.mul(masks));
                        zeroed.attach(chunk);
                        NDArray copies = x.tile(new long[] {last - first, 1, 1, 1});
                        copies.attach(chunk);
                        float[] perImage =
                                Losses.meanSquaredErrorPerImage(copies, zeroed).toFloatArray();
                        for (int i = first; i < last; i++) {
                            for (int k = 0; k < n; k++) {
                                zeroedSum[i] += perImage[(i - first) * n + k];
                            }
                        }
                    }
                }
            }
            progress.update(to / BATCH + (to % BATCH > 0 ? 1 : 0), batches, Double.NaN);
        }
        progress.end(batches, batches, null);
        double intact = intactSum / images.size();
        double[] gains = new double[latent];
        for (int i = 0; i < latent; i++) {
            gains[i] = zeroedSum[i] / images.size() - intact;
        }
        return new ReconstructionGain(gains, intact);
    }

    /** A gain from known values (for tests and for reloading). */
    public static ReconstructionGain of(double[] gains, double intactError) {
        return new ReconstructionGain(gains.clone(), intactError);
    }

    /** The gain of every variable, in variable order. */
    public double[] gains() {
        return gains.clone();
    }

    /** The reconstruction error with the codes intact. */
    public double intactError() {
        return intactError;
    }

    /** Variable indices from the most to the least informative. */
    public int[] order() {
        return IntStream.range(0, gains.length)
                .boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -gains[i]).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue)
                .toArray();
    }

    /** The {@code n} most informative variables. */
    public int[] top(int n) {
        if (n < 1 || n > gains.length) {
            throw new IllegalArgumentException(
                    "asked for the " + n + " most informative of " + gains.length + " variables");
        }
        return Arrays.copyOf(order(), n);
    }

    /** The gains sorted from the largest. */
    public double[] sorted() {
        return Arrays.stream(order()).mapToDouble(i -> gains[i]).toArray();
    }

    /** Share of the total (positive) gain carried by the first k sorted variables, k = 1..latent size. */
    public double[] cumulativeShare() {
        double[] sorted = sorted();
        double total = Arrays.stream(sorted).map(g -> Math.max(0, g)).sum();
        double[] share = new double[sorted.length];
        double running = 0;
        for (int i = 0; i < sorted.length; i++) {
            running += Math.max(0, sorted[i]);
            share[i] = total == 0 ? 0 : running / total;
        }
        return share;
    }

    /** How many of the most informative variables carry at least {@code share} (0..1] of the total gain. */
    public int variablesCarrying(double share) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("a share of the total gain is in (0, 1], got " + share);
        }
        double[] cumulative = cumulativeShare();
        for (int k = 0; k < cumulative.length; k++) {
            if (cumulative[k] >= share - 1e-12) {
                return k + 1;
            }
        }
        return cumulative.length;
    }

    /**
     * Variables whose gain is below {@code fraction} of the largest gain: those the decoder (nearly) ignores,
     * the "inactive" variables of a VAE whose posterior collapsed to the prior.
     */
    public int inactive(double fraction) {
        double largest = Arrays.stream(gains).max().orElse(0);
        return (int) Arrays.stream(gains).filter(g -> g < fraction * largest).count();
    }

    /**
     * One row per model: latent size, reconstruction error with the codes intact, the share carried by the
     * first 20 variables (the paper: about 75% of 150 for its Split-VAE), how many variables carry half and
     * 90% of the total, and how many are inactive (gain below 1% of the largest).
     */
    public static Table summary(Map<String, ReconstructionGain> gains) {
        StringColumn model = StringColumn.create(MODEL);
        IntColumn size = IntColumn.create(LATENT_SIZE);
        DoubleColumn intact = DoubleColumn.create("R-MSE intact");
        DoubleColumn top20 = DoubleColumn.create("share of first 20");
        IntColumn half = IntColumn.create("variables for 50%");
        IntColumn most = IntColumn.create(FOR_90);
        IntColumn idle = IntColumn.create("inactive (< 1% of max)");
        gains.forEach((name, gain) -> {
            model.append(name);
            size.append(gain.gains.length);
            intact.append(Math.round(gain.intactError * 1e5) / 1e5);
            top20.append(Math.round(gain.cumulativeShare()[Math.min(20, gain.gains.length) - 1] * 1000) / 1000.0);
            half.append(gain.variablesCarrying(0.5));
            most.append(gain.variablesCarrying(0.9));
            idle.append(gain.inactive(0.01));
        });
        return Table.create(
                "Reconstruction gain of the latent variables", model, size, intact, top20, half, most, idle);
    }
}
