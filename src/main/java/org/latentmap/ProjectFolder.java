package org.latentmap;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the latentmap project is on disk, for the files it ships ({@code data/}) and writes
 * ({@code build/}): {@code LATENTMAP_HOME} when set (the kernelspecs set it), else the working directory or
 * its parent (the notebooks folder) when it holds the project's {@code pom.xml}.
 */
public final class ProjectFolder {
    public static final String VARIABLE = "LATENTMAP_HOME";

    private ProjectFolder() {}

    /** The project's root folder, if it can be found. */
    public static Optional<Path> find() {
        String home = System.getenv(VARIABLE);
        Path here = Path.of("").toAbsolutePath();
        return Stream.of(home == null || home.isBlank() ? null : Path.of(home), here, here.getParent())
                .filter(p -> p != null && Files.isRegularFile(p.resolve("pom.xml")))
                .findFirst();
    }
}
