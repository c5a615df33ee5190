package org.latentmap.studies;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.latentmap.ResultFile;
import org.latentmap.metrics.Stats;
import org.latentmap.relocation.CodeMapFit;
import org.latentmap.relocation.FitPoints;
import org.latentmap.relocation.Relocation;
import org.latentmap.relocation.Relocations;
import org.latentmap.support.SupportStrategy;
import org.latentmap.train.Progress;
import org.latentmap.train.ProgressLine;
import org.latentmap.zoo.TrainedModel;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * How small a support set can be (beyond the paper, which fixes about 150 points): one relocation fitted on
 * support sets of several sizes chosen by several {@link SupportStrategy strategies}, each size and strategy
 * over several seeds, against the same map fitted on all the training data. M-MSE and L-MSE on the test
 * images; the spread is over the seeds.
 */
public final class SupportSizeStudy {
    /** Notebook 08's table of which strategy wins at which size, built from the studies. */
    public static final ResultFile VERDICTS_FILE = new ResultFile("support-strategies.csv", "notebook 08");

    /** Notebook 08's {@code n}th study ({@link #table()}), from 1. */
    public static ResultFile file(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("studies are counted from 1; got " + n);
        }
        return new ResultFile("support-sizes-" + n + ".csv", "notebook 08");
    }

    private final String pair;
    private final String fit;
    private final List<Point> points;
    private final Relocation allData;
    private final int trainSize;

    /** One strategy at one size: a relocation per seed. */
    public record Point(String strategy, int size, List<Relocation> relocations) {
        public double[] mMse() {
            return relocations.stream().mapToDouble(Relocation::mMseMean).toArray();
        }

        public double[] lMse() {
            return relocations.stream().mapToDouble(Relocation::lMseMean).toArray();
        }

        public double meanMMse() {
            return Stats.mean(mMse());
        }
    }

    private SupportSizeStudy(String pair, String fit, List<Point> points, Relocation allData, int trainSize) {
        this.trainSize = trainSize;
        this.pair = pair;
        this.fit = fit;
        this.points = List.copyOf(points);
        this.allData = allData;
    }

    /**
     * Fits {@code source} -> {@code target} with {@code fit} on support sets of every size in {@code sizes}
     * from every strategy, seeds 1..{@code seeds}, and once on all the training images of {@code relocations}; a progress line counts the fits.
     */
    public static SupportSizeStudy run(
            Relocations relocations,
            TrainedModel source,
            TrainedModel target,
            CodeMapFit fit,
            List<SupportStrategy> strategies,
            int[] sizes,
            int seeds) {
        if (strategies.isEmpty() || sizes.length == 0 || seeds < 1) {
            throw new IllegalArgumentException("a support-size study needs strategies, sizes and seeds >= 1; got "
                    + strategies.size() + " strategies, " + sizes.length + " sizes, " + seeds + " seeds");
        }
        Progress progress = ProgressLine.toStandardOutput("fit");
        long total = (long) strategies.size() * sizes.length * seeds + 1;
        long done = 0;
        progress.start(source.name() + " -> " + target.name() + ", support sets", 0, total);
        List<Point> points = new ArrayList<>();
        for (SupportStrategy strategy : strategies) {
            for (int size : sizes) {
                List<Relocation> runs = new ArrayList<>();
                for (int seed = 1; seed <= seeds; seed++) {
                    FitPoints at = FitPoints.supportSet(strategy.choose(size, seed));
                    runs.add(relocations.relocate(source, target, fit, at));
                    progress.update(++done, total, Double.NaN);
                }
                points.add(new Point(strategy.name(), size, runs));
            }
        }
        FitPoints allData = relocations.allTrainingData();
        Relocation all = relocations.relocate(source, target, fit, allData);
        progress.end(++done, total, null);
        return new SupportSizeStudy(source.name() + " -> " + target.name(), fit.name(), points, all, allData.size());
    }

    public List<Point> points() {
        return points;
    }

    /** The map fitted on all the training data: the reference. */
    public Relocation allData() {
        return allData;
    }

    public String pair() {
        return pair;
    }

    /** The strategies in the order studied. */
    public List<String> strategies() {
        return points.stream().map(Point::strategy).distinct().toList();
    }

    /** The points of one strategy of this study, by size. */
    public List<Point> of(SupportStrategy strategy) {
        return of(strategy.name());
    }

    /** The points of the strategy named {@code strategy}, by size. */
    public List<Point> of(String strategy) {
        List<Point> found =
                points.stream().filter(p -> p.strategy().equals(strategy)).toList();
        if (found.isEmpty()) {
            throw new IllegalArgumentException(
                    "no strategy \"" + strategy + "\" in this study; it has " + strategies());
        }
        return found;
    }

    /**
     * The smallest size at which {@code strategy}'s mean M-MSE is within {@code tolerance} (0.05: 5%) of the
     * all-data map's, or -1 when no size studied is.
     */
    public int sizeMatchingAllData(String strategy, double tolerance) {
        double reference = allData.mMseMean();
        return of(strategy).stream()
                .filter(p -> p.meanMMse() <= reference * (1 + tolerance))
                .mapToInt(Point::size)
                .min()
                .orElse(-1);
    }

    /** The strategy with the smallest mean M-MSE at {@code size}. */
    public String bestAt(int size) {
        return points.stream()
                .filter(p -> p.size() == size)
                .min(Comparator.comparingDouble(Point::meanMMse))
                .map(Point::strategy)
                .orElseThrow(() -> new IllegalArgumentException("no size " + size + " in this study"));
    }

    /** One row per strategy and size, then all data: M-MSE mean ± sd over seeds, its ratio to all data's, L-MSE. */
    public Table table() {
        StringColumn strategy = StringColumn.create("strategy");
        IntColumn size = IntColumn.create("size");
        StringColumn mMse = StringColumn.create("M-MSE");
        DoubleColumn ratio = DoubleColumn.create("x all data");
        StringColumn lMse = StringColumn.create("L-MSE");
        double reference = allData.mMseMean();
        for (Point p : points) {
            strategy.append(p.strategy());
            size.append(p.size());
            mMse.append(Stats.meanSd(p.mMse(), 4));
            ratio.append(Math.round(p.meanMMse() / reference * 1000) / 1000.0);
            lMse.append(Stats.meanSd(p.lMse(), 4));
        }
        strategy.append("all data");
        size.append(trainSize);
        mMse.append(String.format(Locale.ROOT, "%.4f", reference));
        ratio.append(1.0);
        lMse.append(String.format(Locale.ROOT, "%.4f", allData.lMseMean()));
        return Table.create(
                "Support-set size and strategy, " + pair + " (" + fit + ")", strategy, size, mMse, ratio, lMse);
    }
}
