package org.latentmap.studies;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.latentmap.ResultColumns;
import org.latentmap.ResultFile;
import org.latentmap.Results;
import org.latentmap.metrics.Baselines;
import org.latentmap.metrics.Stats;
import org.latentmap.relocation.FitPoints;
import org.latentmap.relocation.Relocation;
import org.latentmap.zoo.ModelFamily;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * The paper's Table 2 (Sect. 6): for each relocation, source, target, L-MSE, R-MSE and M-MSE as mean ± sd,
 * with the target's own R-MSE beside them. {@link #of} gives one row per relocation (sd over test batches);
 * {@link #summary} one row per kind of relocation (same families, fit and points), mean ± sd over its pairs
 * of models, as the paper reports Type 1. {@link #table()} shows it; {@link #writeCsv} keeps the numbers.
 */
public final class Table2 {
    /** The whole Table 2, gathered by notebook 06 from the parts notebooks 04-06 write ({@link #gather}). */
    public static final ResultFile FILE = new ResultFile("table2.csv", "notebooks 04-06");

    public static final String SOURCE = "source";
    public static final String TARGET = "target";
    /** The fitting points' label, such as "support set (150)" ({@link FitPoints#label()}). */
    public static final String FITTED_ON = "fitted on";

    public static final String FIT = "fit";
    public static final String PAIRS = "pairs";
    /** The metrics, each a {@link #mean} and an {@link #sd} column. */
    public static final String L_MSE = "L-MSE";

    public static final String R_MSE = "R-MSE";
    public static final String M_MSE = "M-MSE";
    /** The target model's own R-MSE on the same images. */
    public static final String TARGET_R_MSE = "target R-MSE";

    private static final String[] METRICS = {L_MSE, R_MSE, M_MSE, TARGET_R_MSE};
    /** The column saying which baseline a row's mean M-MSE beats ({@link Baselines#strongestBeaten}). */
    public static final String BEATS = "M-MSE beats";

    private final Table numbers;
    private final String title;

    private Table2(Table numbers, String title) {
        this.numbers = numbers;
        this.title = title;
    }

    /** One row per relocation, mean ± sd over the test batches. */
    public static Table2 of(List<Relocation> relocations) {
        Builder builder = new Builder(PAIRS);
        for (Relocation r : relocations) {
            builder.add(
                    r.source().name(),
                    r.target().name(),
                    r.fittedOn(),
                    r.fit(),
                    1,
                    List.of(r.lMse(), r.rMse(), r.mMse(), r.targetRMse()));
        }
        return new Table2(builder.table("Relocations (mean ± sd over test batches)"), "Relocations");
    }

    /** One row per source family, target family, fit and fitting points: mean ± sd over the pairs of models. */
    public static Table2 summary(List<Relocation> relocations) {
        Map<Kind, List<Relocation>> groups = new LinkedHashMap<>();
        for (Relocation r : relocations) {
            groups.computeIfAbsent(
                            new Kind(r.source().family(), r.target().family(), r.fittedOn(), r.fit()),
                            k -> new ArrayList<>())
                    .add(r);
        }
        Builder builder = new Builder(PAIRS);
        for (List<Relocation> group : groups.values()) {
            Relocation first = group.get(0);
            builder.add(
                    first.source().family().displayName(),
                    first.target().family().displayName(),
                    first.fittedOn(),
                    first.fit(),
                    group.size(),
                    List.of(
                            perPair(group, Relocation::lMseMean),
                            perPair(group, Relocation::rMseMean),
                            perPair(group, Relocation::mMseMean),
                            perPair(group, Relocation::targetRMseMean)));
        }
        return new Table2(builder.table("Relocations by kind (mean ± sd over pairs of models)"), "Relocations by kind");
    }

    /**
     * The same rows with the baselines of the test images they were measured on ({@link Baselines}): each
     * baseline as a column (the same in every row, so the CSV keeps every row with its yardsticks) and
     * {@value #BEATS}, the strongest baseline that the row's mean M-MSE is below.
     */
    public Table2 withBaselines(Baselines baselines) {
        Table more = numbers.copy();
        double[] values = {
            baselines.meanImage(), baselines.classMean(), baselines.randomPairs(), baselines.nearestTraining()
        };
        List<String> names = Baselines.names();
        for (int b = 0; b < values.length; b++) {
            DoubleColumn column = DoubleColumn.create(ResultColumns.baseline(names.get(b)));
            for (int i = 0; i < more.rowCount(); i++) {
                column.append(values[b]);
            }
            more.addColumns(column);
        }
        StringColumn beats = StringColumn.create(BEATS);
        DoubleColumn mMse = more.doubleColumn(mean(M_MSE));
        for (int i = 0; i < more.rowCount(); i++) {
            beats.append(baselines.strongestBeaten(mMse.get(i)));
        }
        more.addColumns(beats);
        return new Table2(more, title);
    }

    /**
     * The paper's whole Table 2 from the per-notebook tables written before: every {@code table2-*.csv} of
     * {@code folder} (as notebooks 04-06 write them), in file-name order, one table. Throws when there is none.
     */
    public static Table2 gather(Path folder) {
        List<Path> files;
        try (var listing = Files.list(folder)) {
            files = listing.filter(f -> f.getFileName().toString().matches("table2-.+\\.csv"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + " for Table 2's parts", e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(
                    "no table2-*.csv in " + folder + ": run the relocation notebooks (04-06) first");
        }
        Table all = null;
        for (Path file : files) {
            Table part = read(file);
            all = all == null ? part : all.append(part);
        }
        String parts = files.stream()
                .map(f -> f.getFileName().toString())
                .reduce((a, b) -> a + ", " + b)
                .orElseThrow();
        all.setName("Table 2 (mean ± sd over pairs of models; from " + parts + ")");
        return new Table2(all, "Table 2");
    }

    private static Table read(Path file) {
        Table part;
        try {
            part = Table.read()
                    .usingOptions(CsvReadOptions.builder(file.toFile()).columnTypes(column -> switch (column) {
                        case SOURCE, TARGET, FITTED_ON, FIT, BEATS -> ColumnType.STRING;
                        case PAIRS -> ColumnType.INTEGER;
                        default -> ColumnType.DOUBLE;
                    }));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "cannot read " + file + " as a Table 2 written by Table2.writeCsv: " + e.getMessage(), e);
        }
        List<String> plain = new Builder(PAIRS).table("").columnNames();
        List<String> withBaselines = new ArrayList<>(plain);
        Baselines.names().forEach(name -> withBaselines.add(ResultColumns.baseline(name)));
        withBaselines.add(BEATS);
        if (!part.columnNames().equals(plain) && !part.columnNames().equals(withBaselines)) {
            throw new IllegalArgumentException(
                    file + " is not a Table 2 written by Table2.writeCsv: its columns are " + part.columnNames());
        }
        return part;
    }

    /** The part of Table 2 for relocations of {@code type} (1-3), which notebook 03 + type writes ({@link #summary}). */
    public static ResultFile part(int type) {
        return new ResultFile("table2-type" + checkedType(type) + ".csv", "notebook 0" + (3 + type));
    }

    /** Every relocation of {@code type} (1-3), a row each ({@link #of}), which notebook 03 + type writes. */
    public static ResultFile relocations(int type) {
        return new ResultFile("relocations-type" + checkedType(type) + ".csv", "notebook 0" + (3 + type));
    }

    private static int checkedType(int type) {
        if (type < 1 || type > 3) {
            throw new IllegalArgumentException("the paper's relocations are of Type 1, 2 or 3; got " + type);
        }
        return type;
    }

    /** The column of {@code metric}'s means: "M-MSE mean". */
    public static String mean(String metric) {
        return ResultColumns.mean(metric);
    }

    /** The column of {@code metric}'s sds: "M-MSE sd". */
    public static String sd(String metric) {
        return ResultColumns.sd(metric);
    }

    /** What makes relocations one row of the summary. */
    private record Kind(ModelFamily source, ModelFamily target, String fittedOn, String fit) {}

    private static double[] perPair(List<Relocation> group, Function<Relocation, Double> metric) {
        return group.stream().mapToDouble(metric::apply).toArray();
    }

    /** For display: source, target, fitted on, fit, pairs, and each metric as "mean ± sd". */
    public Table table() {
        Table shown = Table.create(numbers.name());
        for (String column : List.of(SOURCE, TARGET, FITTED_ON, FIT, PAIRS)) {
            shown.addColumns(numbers.column(column).copy());
        }
        for (String metric : METRICS) {
            StringColumn text = StringColumn.create(metric);
            DoubleColumn mean = numbers.doubleColumn(mean(metric));
            DoubleColumn sd = numbers.doubleColumn(sd(metric));
            for (int i = 0; i < numbers.rowCount(); i++) {
                text.append(String.format(Locale.ROOT, "%.4f ± %.4f", mean.get(i), sd.get(i)));
            }
            shown.addColumns(text);
        }
        if (numbers.columnNames().contains(BEATS)) {
            shown.addColumns(numbers.stringColumn(BEATS).copy());
        }
        return shown;
    }

    /** Every number: the columns of {@link #table()} with each metric as a mean and an sd column. */
    public Table numbers() {
        return numbers.copy();
    }

    /** Writes {@link #numbers()} as CSV, its column roles beside it ({@link Results#write}). */
    public Path writeCsv(Path file) {
        return Results.write(numbers.copy().setName(title), file);
    }

    private static final class Builder {
        final StringColumn source = StringColumn.create(SOURCE);
        final StringColumn target = StringColumn.create(TARGET);
        final StringColumn fittedOn = StringColumn.create(FITTED_ON);
        final StringColumn fit = StringColumn.create(FIT);
        final IntColumn pairs;
        final List<DoubleColumn> means = new ArrayList<>();
        final List<DoubleColumn> sds = new ArrayList<>();

        Builder(String pairsName) {
            pairs = IntColumn.create(pairsName);
            for (String metric : METRICS) {
                means.add(DoubleColumn.create(mean(metric)));
                sds.add(DoubleColumn.create(sd(metric)));
            }
        }

        void add(String from, String to, String on, String how, int count, List<double[]> metrics) {
            source.append(from);
            target.append(to);
            fittedOn.append(on);
            fit.append(how);
            pairs.append(count);
            for (int m = 0; m < METRICS.length; m++) {
                means.get(m).append(Stats.mean(metrics.get(m)));
                sds.get(m).append(Stats.sd(metrics.get(m)));
            }
        }

        Table table(String name) {
            Table t = Table.create(name, source, target, fittedOn, fit, pairs);
            for (int m = 0; m < METRICS.length; m++) {
                t.addColumns(means.get(m), sds.get(m));
            }
            return t;
        }
    }
}
