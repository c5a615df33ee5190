package org.latentmap.claims;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.latentmap.ResultFile;
import org.latentmap.metrics.Baselines;
import org.latentmap.metrics.TrainingReport;
import org.latentmap.studies.Table2;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * The result files of one run, as the claims read them: each through its declaration ({@link ResultFile}), empty
 * when the notebook that writes it did not run. Text columns are read as text, whatever they hold.
 */
public final class ResultTables {
    private static final Set<String> TEXT = Set.of(
            Table2.SOURCE,
            Table2.TARGET,
            Table2.FITTED_ON,
            Table2.FIT,
            Table2.BEATS,
            TrainingReport.MODEL,
            TrainingReport.FOUND,
            TrainingReport.IN_THIS_RUN,
            TrainingReport.RECORD,
            Baselines.NAME,
            "images",
            "map",
            "samples",
            "health",
            "checkpoint SHA-256",
            "earlier trainings here");

    private final Path folder;

    private ResultTables(Path folder) {
        this.folder = folder;
    }

    /** The result files in {@code folder}. */
    public static ResultTables in(Path folder) {
        return new ResultTables(folder);
    }

    /** {@code file}'s table, or empty when this run did not write it. */
    public Optional<Table> read(ResultFile file) {
        Path path = file.in(folder);
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        return Optional.of(Table.read()
                .usingOptions(CsvReadOptions.builder(path.toFile())
                        .columnTypesPartial(
                                column -> Optional.ofNullable(TEXT.contains(column) ? ColumnType.STRING : null))));
    }

    /**
     * What {@code judge} finds in {@code file}'s table; when this run did not write the file, the claim (its words,
     * section and the paper's number) is not testable and names the file.
     */
    List<Claim> judge(ResultFile file, Function<Table, List<Claim>> judge, String claim, String section, String paper) {
        return read(file)
                .map(judge)
                .orElseGet(() -> List.of(Claim.notTestable(claim, section, paper, file.toString())));
    }

    /** The number in {@code column} of the first row whose first column begins with {@code rowName}; NaN if none. */
    static double value(Table table, String rowName, String column) {
        String key = table.columnNames().get(0);
        for (Row row : table) {
            if (row.getString(key).startsWith(rowName)) {
                Object number = row.getObject(column);
                return number == null ? Double.NaN : ((Number) number).doubleValue();
            }
        }
        return Double.NaN;
    }

    /** The first error of the baseline named {@code name} ({@link Baselines#names()}); NaN if none. */
    static double baseline(Table baselines, String name) {
        for (Row row : baselines) {
            if (row.getString(Baselines.NAME).equals(name)) {
                Object mse = row.getObject(Baselines.MSE);
                return mse == null ? Double.NaN : ((Number) mse).doubleValue();
            }
        }
        return Double.NaN;
    }
}
