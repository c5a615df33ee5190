package org.latentmap;

import java.nio.file.Path;

/**
 * A result file the walkthrough writes to its results folder ({@link Results}), declared once, as a constant of the
 * class whose table it holds (say {@code Table2.FILE}), with the notebook that writes it: writers and readers (the
 * claims page, {@code PaperClaims}) name the file through the declaration and its columns through that class's
 * column constants, never by retyping them.
 */
public record ResultFile(String name, String notebook) {
    public ResultFile {
        if (!name.endsWith(".csv") || name.contains("/")) {
            throw new IllegalArgumentException("a result file is a CSV file name without folders; got " + name);
        }
    }

    /** This file in {@code folder}. */
    public Path in(Path folder) {
        return folder.resolve(name);
    }

    /** "table2.csv (notebooks 04-06)": the file and who writes it, for messages. */
    @Override
    public String toString() {
        return name + " (" + notebook + ")";
    }
}
