package org.latentmap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a run writes its result files (CSV tables, support sets): the folder in {@value #VARIABLE} if set
 * (the notebook runner sets it inside its output folder), else {@code build/results} of the project
 * ({@link ProjectFolder}), else {@code latentmap-results} in the working directory; the last two with the data
 * set's name added for any data set but the default ({@code build/results-celeba}, {@link DataChoice}), so that
 * the two walkthroughs never mix their tables.
 */
public final class Results {
    public static final String VARIABLE = "LATENTMAP_RESULTS";

    private Results() {}

    /** The results folder, created if missing. */
    public static Path folder() {
        String configured = System.getProperty("latentmap.results", System.getenv(VARIABLE));
        Path folder;
        if (configured != null && !configured.isBlank()) {
            folder = Path.of(configured);
        } else {
            folder = ProjectFolder.find()
                    .map(project -> project.resolve("build").resolve("results" + suffix()))
                    .orElse(Path.of("latentmap-results" + suffix()).toAbsolutePath());
        }
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot create the results folder " + folder + ": set " + VARIABLE + " to a writable folder", e);
        }
    }

    private static String suffix() {
        DataChoice data = DataChoice.current();
        return data == DataChoice.FASHION_MNIST ? "" : "-" + data.key();
    }

    /** A file in the results folder. */
    public static Path file(String name) {
        return folder().resolve(name);
    }

    /** A declared result file in the results folder. */
    public static Path file(ResultFile file) {
        return file.in(folder());
    }

    /** Writes {@code table} as CSV to a declared result file and returns the file. */
    public static Path csv(tech.tablesaw.api.Table table, ResultFile file) {
        return csv(table, file.name());
    }

    /** Writes {@code table} as CSV to {@code name} in the results folder and returns the file ({@link #write}). */
    public static Path csv(tech.tablesaw.api.Table table, String name) {
        return write(table, file(name));
    }

    /**
     * Writes {@code table} as CSV to {@code file}, and beside it the roles of its columns
     * ({@link ResultColumns#rolesJson}), for readers that show a mean and its sd as one column; returns the file.
     */
    public static Path write(tech.tablesaw.api.Table table, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            table.write().csv(file.toFile());
            Files.writeString(
                    file.resolveSibling(
                            ResultColumns.rolesFile(file.getFileName().toString())),
                    ResultColumns.rolesJson(table.columnNames()));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + table.name() + " to " + file, e);
        }
    }
}
