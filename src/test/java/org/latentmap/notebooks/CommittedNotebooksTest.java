package org.latentmap.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What every committed notebook must be (CONTRIBUTING.md, "Add a notebook"): without outputs, in a kernel the
 * project installs, a Java notebook starting with {@code %load setup.jsh}, and any headline results it declares
 * for the walkthrough's index ({@code metadata.latentmap.results}) well formed.
 */
class CommittedNotebooksTest {

    private static List<Path> notebooks() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("notebooks"))) {
            return files.filter(p -> p.toString().endsWith(".ipynb"))
                    .filter(p -> !p.toString().contains(".ipynb_checkpoints"))
                    .sorted()
                    .toList();
        }
    }

    private static JsonObject read(Path notebook) throws IOException {
        return JsonParser.parseString(Files.readString(notebook)).getAsJsonObject();
    }

    @Test
    void noNotebookIsCommittedWithOutputs() throws IOException {
        assertFalse(notebooks().isEmpty(), "no notebooks found");
        for (Path notebook : notebooks()) {
            for (JsonElement cell : read(notebook).getAsJsonArray("cells")) {
                JsonObject c = cell.getAsJsonObject();
                if (c.get("cell_type").getAsString().equals("code")) {
                    assertEquals(
                            0,
                            c.getAsJsonArray("outputs").size(),
                            notebook + " has outputs: clear them before committing (CONTRIBUTING.md)");
                    assertTrue(c.get("execution_count").isJsonNull(), notebook + " has execution counts: clear them");
                }
            }
        }
    }

    @Test
    void everyNotebookRunsInAnInstalledKernelAndJavaOnesLoadTheProjectFirst() throws IOException {
        for (Path notebook : notebooks()) {
            JsonObject nb = read(notebook);
            String kernel = nb.getAsJsonObject("metadata")
                    .getAsJsonObject("kernelspec")
                    .get("name")
                    .getAsString();
            assertTrue(Set.of("java", "kotlin").contains(kernel), notebook + " asks for kernel " + kernel);
            if (kernel.equals("java")) {
                JsonObject first = null;
                for (JsonElement cell : nb.getAsJsonArray("cells")) {
                    if (cell.getAsJsonObject().get("cell_type").getAsString().equals("code")) {
                        first = cell.getAsJsonObject();
                        break;
                    }
                }
                assertTrue(first != null, notebook + " has no code cell");
                StringBuilder source = new StringBuilder();
                first.getAsJsonArray("source").forEach(line -> source.append(line.getAsString()));
                assertEquals("%load setup.jsh", source.toString().strip(), notebook + "'s first code cell");
                assertTrue(Files.isRegularFile(notebook.resolveSibling("setup.jsh")), "a setup.jsh beside " + notebook);
            }
        }
    }

    @Test
    void declaredHeadlineResultsNameAFileAndATitle() throws IOException {
        for (Path notebook : notebooks()) {
            JsonObject metadata = read(notebook).getAsJsonObject("metadata");
            if (!metadata.has("latentmap")) {
                continue;
            }
            for (JsonElement entry : metadata.getAsJsonObject("latentmap").getAsJsonArray("results")) {
                JsonObject result = entry.getAsJsonObject();
                assertTrue(
                        result.has("file") && result.get("file").getAsString().endsWith(".csv"),
                        notebook + ": a declared result names its CSV file: " + result);
                assertTrue(
                        result.has("title")
                                && !result.get("title").getAsString().isBlank(),
                        notebook + ": a declared result has a title: " + result);
            }
        }
    }
}
