package org.latentmap;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the latentmap project is on disk, for the files it ships ({@code data/}) and writes ({@code build/}).
 * Looked for, in this order: {@code LATENTMAP_HOME} when set (our kernelspecs set it); the folder the library
 * was loaded from ({@code target/latentmap.jar} or {@code target/classes} lie in the project), which finds it
 * from any kernel that put the project's jar on its class path (IJava, JJava, Kotlin set no variable); then the
 * working directory and every folder above it, so a notebook at any depth (the exercises' solutions sit three
 * folders down) finds it. A folder is the project when its {@code pom.xml} names the artifact
 * {@code latentmap}: another Maven project above a user's notebook is passed over.
 */
public final class ProjectFolder {
    public static final String VARIABLE = "LATENTMAP_HOME";

    private static final String ARTIFACT = "<artifactId>latentmap</artifactId>";

    private ProjectFolder() {}

    /** The project's root folder, if it can be found. */
    public static Optional<Path> find() {
        return find(System.getenv(VARIABLE), libraryLocation(), Path.of("").toAbsolutePath());
    }

    /**
     * The project's folder for a line a person reads, or what to do when it cannot be found (results then go to
     * the working directory, and the shipped support sets cannot be read).
     */
    public static String describe() {
        return find().map(Path::toString)
                .orElse("not found (set " + VARIABLE + " to the project's folder, or put its target/latentmap.jar on"
                        + " the class path)");
    }

    /**
     * The first of {@code home}, the folders holding {@code library} and those holding {@code workingDirectory}
     * (nearest first) that is the project; {@code home} and {@code library} may be null.
     */
    static Optional<Path> find(String home, Path library, Path workingDirectory) {
        List<Path> candidates = new ArrayList<>();
        if (home != null && !home.isBlank()) {
            candidates.add(Path.of(home).toAbsolutePath().normalize());
        }
        for (Path start : new Path[] {library, workingDirectory}) {
            for (Path p = start == null ? null : start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
                candidates.add(p);
            }
        }
        return candidates.stream().filter(ProjectFolder::isProject).findFirst();
    }

    /** Whether {@code folder} holds latentmap's {@code pom.xml}. */
    static boolean isProject(Path folder) {
        Path pom = folder.resolve("pom.xml");
        if (!Files.isRegularFile(pom)) {
            return false;
        }
        try {
            return Files.readString(pom, StandardCharsets.UTF_8).contains(ARTIFACT);
        } catch (IOException e) {
            return false;
        }
    }

    /** The jar or classes folder this class was loaded from, when the class loader says. */
    private static Path libraryLocation() {
        CodeSource source = ProjectFolder.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }
}
