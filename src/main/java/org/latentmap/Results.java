package org.latentmap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a run writes its result files (CSV tables, support sets): the folder in {@value #VARIABLE} if set
 * (the notebook runner sets it inside its output folder), else {@code build/results} of the project when
 * run from the project or its notebooks folder, else {@code latentmap-results} in the working directory.
 */
public final class Results {
    public static final String VARIABLE = "LATENTMAP_RESULTS";

    private Results() {
    }

    /** The results folder, created if missing. */
    public static Path folder() {
        String configured = System.getProperty("latentmap.results", System.getenv(VARIABLE));
        Path folder;
        if (configured != null && !configured.isBlank()) {
            folder = Path.of(configured);
        } else {
            Path here = Path.of("").toAbsolutePath();
            Path project = Files.exists(here.resolve("pom.xml")) ? here
                    : Files.exists(here.resolveSibling("pom.xml")) ? here.getParent() : null;
            folder = project != null ? project.resolve("build").resolve("results") : here.resolve("latentmap-results");
        }
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the results folder " + folder + ": set " + VARIABLE
                    + " to a writable folder", e);
        }
    }

    /** A file in the results folder. */
    public static Path file(String name) {
        return folder().resolve(name);
    }
}
