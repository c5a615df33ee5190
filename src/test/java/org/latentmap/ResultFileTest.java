package org.latentmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.latentmap.studies.Table2;

class ResultFileTest {
    @Test
    void aDeclarationNamesItsFileAndItsNotebook() {
        assertEquals(Path.of("/r/table2.csv"), Table2.FILE.in(Path.of("/r")));
        assertEquals("table2.csv (notebooks 04-06)", Table2.FILE.toString());
        var error = assertThrows(IllegalArgumentException.class, () -> new ResultFile("tables/t.csv", "notebook 01"));
        assertTrue(error.getMessage().contains("without folders"), error.getMessage());
    }

    /** The claims page names every file it reads through a declaration, never by a retyped file name. */
    @Test
    void theClaimsNameNoResultFileByHand() throws IOException {
        List<String> retyped;
        try (Stream<Path> files = Files.list(Path.of("src/main/java/org/latentmap/claims"))) {
            retyped = files.filter(f -> {
                        try {
                            return Files.readAllLines(f).stream()
                                    .filter(line -> !line.contains("new ResultFile(")
                                            && !line.trim().startsWith("*"))
                                    .anyMatch(line -> line.matches(".*\"[^\"]*\\.csv.*"));
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(f -> f.getFileName().toString())
                    .toList();
        }
        assertEquals(List.of(), retyped);
    }
}
