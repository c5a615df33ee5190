package org.latentmap.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.latentmap.ResultFile;

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

    /** The names of every result file a class of the project declares (its static {@link ResultFile} constants). */
    private static Set<String> declaredResultFiles() {
        Set<String> names = new java.util.TreeSet<>();
        for (JavaClass type : new ClassFileImporter().importPackages("org.latentmap")) {
            if (!type.getPackageName().startsWith("org.latentmap")
                    || type.getName().contains("Test")) {
                continue;
            }
            for (var field : type.getFields()) {
                if (field.getRawType().isEquivalentTo(ResultFile.class)
                        && field.getModifiers().contains(JavaModifier.STATIC)) {
                    try {
                        var reflected = field.reflect();
                        reflected.setAccessible(true);
                        names.add(((ResultFile) reflected.get(null)).name());
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return names;
    }

    /**
     * The notebooks write result files through their declarations (issue 30), never by a retyped name, and the
     * headlines they list for the index are declared files.
     */
    @Test
    void resultFilesAreWrittenAndListedThroughTheirDeclarations() throws IOException {
        Set<String> declared = declaredResultFiles();
        assertTrue(declared.containsAll(Set.of("table2.csv", "claims.csv", "baselines.csv")), declared.toString());
        for (Path notebook : notebooks()) {
            JsonObject nb = read(notebook);
            for (JsonElement cell : nb.getAsJsonArray("cells")) {
                JsonObject c = cell.getAsJsonObject();
                String source = String.join(
                        "",
                        c.getAsJsonArray("source").asList().stream()
                                .map(JsonElement::getAsString)
                                .toList());
                if (c.get("cell_type").getAsString().equals("code")) {
                    assertFalse(
                            source.matches("(?s).*Results\\.(csv|file)\\([^;]*\\.csv\"[^;]*;.*"),
                            notebook + " names a result file by hand; write it through its ResultFile:\n" + source);
                }
            }
            JsonObject latentmap = nb.getAsJsonObject("metadata").getAsJsonObject("latentmap");
            if (latentmap != null && latentmap.has("results")) {
                for (JsonElement result : latentmap.getAsJsonArray("results")) {
                    String file = result.getAsJsonObject().get("file").getAsString();
                    assertTrue(declared.contains(file), notebook + " lists " + file + ", which no class declares");
                }
            }
        }
    }
}
