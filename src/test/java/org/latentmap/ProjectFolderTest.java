package org.latentmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectFolderTest {
    private static final String OURS = "<project><artifactId>latentmap</artifactId></project>";
    private static final String OTHER = "<project><artifactId>someone-else</artifactId></project>";

    @TempDir
    Path temp;

    private Path project() throws IOException {
        Path root = temp.resolve("latentmap");
        Files.createDirectories(root.resolve("notebooks/exercises/solutions"));
        Files.createDirectories(root.resolve("target"));
        Files.writeString(root.resolve("pom.xml"), OURS);
        return root;
    }

    @Test
    void aNotebookThreeFoldersDownFindsTheProject() throws IOException {
        Path root = project();
        Path solutions = root.resolve("notebooks/exercises/solutions");
        assertEquals(Optional.of(root), ProjectFolder.find(null, null, solutions));
        assertEquals(Optional.of(root), ProjectFolder.find(" ", null, root.resolve("notebooks")));
        assertEquals(Optional.of(root), ProjectFolder.find(null, null, root));
    }

    @Test
    void theLibrarysOwnJarFindsTheProjectFromAnyWorkingDirectory() throws IOException {
        Path root = project();
        Path elsewhere = Files.createDirectories(temp.resolve("somewhere/else"));
        assertEquals(Optional.of(root), ProjectFolder.find(null, root.resolve("target/latentmap.jar"), elsewhere));
        Path asAKernelSaysIt = root.resolve("notebooks/exercises/solutions/./../../../target/latentmap.jar");
        assertEquals(Optional.of(root), ProjectFolder.find(null, asAKernelSaysIt, elsewhere), "a plain path");
    }

    @Test
    void theVariableComesFirst() throws IOException {
        Path root = project();
        Path other = temp.resolve("copy");
        Files.createDirectories(other);
        Files.writeString(other.resolve("pom.xml"), OURS);
        assertEquals(Optional.of(other), ProjectFolder.find(other.toString(), null, root));
    }

    @Test
    void anotherMavenProjectIsPassedOver() throws IOException {
        Path root = project();
        Path nested = root.resolve("notebooks/exercises/mine");
        Files.createDirectories(nested);
        Files.writeString(nested.resolve("pom.xml"), OTHER);
        assertEquals(Optional.of(root), ProjectFolder.find(null, null, nested));
    }

    @Test
    void noProjectAnywhereFindsNothing() throws IOException {
        Path lost = Files.createDirectories(temp.resolve("a/b/c"));
        Files.writeString(temp.resolve("a/pom.xml"), OTHER);
        assertTrue(ProjectFolder.find(null, null, lost).isEmpty());
    }
}
