package org.latentmap.kernel;

import io.github.spencerpark.jupyter.kernel.util.GlobFinder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * IJava's {@code %jars} and {@code %classpath} line magics, and the {@code IJAVA_CLASSPATH} variable a
 * kernelspec sets: each argument is a path or a glob ({@code lib/*.jar}), relative to the notebook's folder.
 * A pattern that matches nothing is an error that says so, rather than a class that is silently missing.
 */
final class ClasspathMagics {

    private final CellEvaluator evaluator;

    ClasspathMagics(CellEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** {@code %jars a.jar lib/*.jar}: adds every matching jar file. */
    List<Path> jars(List<String> patterns) throws IOException {
        return add("jars", patterns, true);
    }

    /** {@code %classpath dir a.jar}: adds folders of classes and jar files. */
    List<Path> classpath(List<String> patterns) throws IOException {
        return add("classpath", patterns, false);
    }

    private List<Path> add(String magic, List<String> patterns, boolean jarsOnly) throws IOException {
        requireArguments(magic, patterns);
        List<Path> added = new ArrayList<>();
        for (String pattern : patterns) {
            List<Path> matches = new ArrayList<>();
            for (Path path : matching(pattern, jarsOnly)) {
                if (!jarsOnly || path.toString().endsWith(".jar")) {
                    matches.add(path);
                }
            }
            if (matches.isEmpty() && !jarsOnly && Files.exists(Path.of(pattern))) {
                matches.add(Path.of(pattern));
            }
            if (matches.isEmpty()) {
                throw new IllegalArgumentException("%" + magic + ": no " + (jarsOnly ? "jar file" : "file or folder")
                        + " matches '" + pattern + "' (looked from "
                        + Path.of("").toAbsolutePath() + "). "
                        + "Check the path, or build the project first (mvn package).");
            }
            for (Path path : matches) {
                evaluator.addToClasspath(path.toAbsolutePath().toString());
                added.add(path);
            }
        }
        return added;
    }

    /**
     * Adds the entries of a path-separated list such as {@code IJAVA_CLASSPATH}; returns a warning for
     * each entry that matches nothing, so the kernel can tell the user instead of failing later.
     */
    List<String> addEnvironmentClasspath(String value) {
        List<String> warnings = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return warnings;
        }
        for (String entry : value.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            try {
                int found = 0;
                for (Path path : matching(entry.strip(), false)) {
                    evaluator.addToClasspath(path.toAbsolutePath().toString());
                    found++;
                }
                if (found == 0) {
                    warnings.add("classpath entry '" + entry + "' matches no file");
                }
            } catch (IOException | RuntimeException e) {
                warnings.add("classpath entry '" + entry + "' could not be read: " + e.getMessage());
            }
        }
        return warnings;
    }

    /** The files (or paths) a glob matches; none when its fixed leading folder does not exist. */
    private static List<Path> matching(String pattern, boolean filesOnly) throws IOException {
        List<Path> found = new ArrayList<>();
        try {
            GlobFinder finder = new GlobFinder(pattern);
            for (Path path : filesOnly ? finder.computeMatchingFiles() : finder.computeMatchingPaths()) {
                found.add(path);
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        return found;
    }

    private static void requireArguments(String magic, List<String> args) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("%" + magic + " needs at least one path, for example %" + magic
                    + (magic.equals("jars") ? " ../target/lib/*.jar" : " ../target/classes"));
        }
    }
}
