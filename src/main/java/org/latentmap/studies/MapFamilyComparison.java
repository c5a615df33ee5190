package org.latentmap.studies;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.latentmap.ResultFile;
import org.latentmap.metrics.Baselines;
import org.latentmap.metrics.Stats;
import org.latentmap.relocation.CodeMapFit;
import org.latentmap.relocation.FitPoints;
import org.latentmap.relocation.Relocation;
import org.latentmap.relocation.Relocations;
import org.latentmap.train.Progress;
import org.latentmap.train.ProgressLine;
import org.latentmap.zoo.TrainedModel;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Which map is best (beyond the paper, which uses one linear map without bias): the same pairs of models
 * relocated by several ways of fitting ({@link CodeMapFit}: least squares, validated ridge, Procrustes,
 * affine, linear plus a residual network), each on several sets of fit points, measured by L-MSE and M-MSE
 * on the test images.
 */
public final class MapFamilyComparison {
    /** Notebook 08's {@link #table(Baselines)}. */
    public static final ResultFile FILE = new ResultFile("map-families.csv", "notebook 08");
    /** Notebook 08's {@link #winners()}. */
    public static final ResultFile WINNERS_FILE = new ResultFile("map-family-winners.csv", "notebook 08");

    private final List<Relocation> relocations;

    private MapFamilyComparison(List<Relocation> relocations) {
        this.relocations = List.copyOf(relocations);
    }

    /**
     * Every pair (source, target) of {@code pairs} with every fit on every set of points; a fit that cannot
     * be made on some points (least squares on fewer points than source variables) is left out of the table
     * with a line saying why.
     */
    public static MapFamilyComparison run(
            Relocations on, List<TrainedModel[]> pairs, List<? extends CodeMapFit> fits, List<FitPoints> points) {
        if (pairs.isEmpty() || fits.isEmpty() || points.isEmpty()) {
            throw new IllegalArgumentException("a comparison needs pairs, fits and fit points; got " + pairs.size()
                    + ", " + fits.size() + " and " + points.size());
        }
        Progress progress = ProgressLine.toStandardOutput("relocation");
        long total = (long) pairs.size() * fits.size() * points.size();
        long done = 0;
        progress.start("map families", 0, total);
        List<Relocation> results = new ArrayList<>();
        for (TrainedModel[] pair : pairs) {
            for (FitPoints at : points) {
                for (CodeMapFit fit : fits) {
                    try {
                        results.add(on.relocate(pair[0], pair[1], fit, at));
                    } catch (IllegalArgumentException e) {
                        System.out.println("\nleft out: " + pair[0].name() + " -> " + pair[1].name() + ", " + fit.name()
                                + " on " + at.label() + ": " + e.getMessage());
                    }
                    progress.update(++done, total, Double.NaN);
                }
            }
        }
        progress.end(done, total, null);
        return new MapFamilyComparison(results);
    }

    public List<Relocation> relocations() {
        return relocations;
    }

    /** One row per relocation: families, models, fit points, fit, L-MSE, M-MSE and the target's R-MSE. */
    public Table table() {
        StringColumn kind = StringColumn.create("families");
        StringColumn pair = StringColumn.create("pair");
        StringColumn on = StringColumn.create("fitted on");
        StringColumn fit = StringColumn.create("fit");
        DoubleColumn lMse = DoubleColumn.create("L-MSE");
        DoubleColumn mMse = DoubleColumn.create("M-MSE");
        DoubleColumn target = DoubleColumn.create("target R-MSE");
        for (Relocation r : relocations) {
            kind.append(r.source().family().displayName() + " -> "
                    + r.target().family().displayName());
            pair.append(r.source().name() + " -> " + r.target().name());
            on.append(r.fittedOn());
            fit.append(r.fit());
            lMse.append(Stats.significant(r.lMseMean(), 4));
            mMse.append(Stats.significant(r.mMseMean(), 4));
            target.append(Stats.significant(r.targetRMseMean(), 4));
        }
        return Table.create("Map families", kind, pair, on, fit, lMse, mMse, target);
    }

    /** {@link #table()} with a last column naming the strongest of {@code baselines} each M-MSE beats. */
    public Table table(Baselines baselines) {
        Table shown = table();
        StringColumn beats = StringColumn.create(Table2.BEATS);
        for (Relocation r : relocations) {
            beats.append(baselines.strongestBeaten(r.mMseMean()));
        }
        return shown.addColumns(beats);
    }

    /** The fit with the smallest M-MSE for one pair of models ("VAE 1 -> VAE 2") on one set of fit points. */
    public record Best(String pair, String fittedOn, Relocation relocation) {}

    /** For each pair of models and set of fit points, in the order they ran, the relocation with the smallest M-MSE. */
    public List<Best> best() {
        Map<List<String>, List<Relocation>> groups = new LinkedHashMap<>();
        for (Relocation r : relocations) {
            groups.computeIfAbsent(
                            List.of(r.source().name() + " -> " + r.target().name(), r.fittedOn()),
                            k -> new ArrayList<>())
                    .add(r);
        }
        List<Best> best = new ArrayList<>();
        groups.forEach((key, group) -> best.add(new Best(
                key.get(0),
                key.get(1),
                group.stream()
                        .min(Comparator.comparingDouble(Relocation::mMseMean))
                        .orElseThrow())));
        return best;
    }

    /** For each set of fit points, the fit with the smallest M-MSE on the most pairs ({@link #best()}). */
    public Table winners() {
        StringColumn on = StringColumn.create("fitted on");
        StringColumn fit = StringColumn.create("best M-MSE on most pairs");
        StringColumn count = StringColumn.create("pairs won");
        List<Best> best = best();
        for (String points :
                relocations.stream().map(Relocation::fittedOn).distinct().toList()) {
            Map<String, Integer> wins = new LinkedHashMap<>();
            int pairs = 0;
            for (Best b : best) {
                if (b.fittedOn().equals(points)) {
                    wins.merge(b.relocation().fit(), 1, Integer::sum);
                    pairs++;
                }
            }
            var top = wins.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
            on.append(points);
            fit.append(top.getKey());
            count.append(top.getValue() + " of " + pairs);
        }
        return Table.create("Best map family by fit points", on, fit, count);
    }
}
