package org.latentmap.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentmap.ResultColumns;

/** The walkthrough index shows result tables as a paper's: 3 significant digits, mean ± sd in one column. */
class IndexTablesTest {
    @Test
    void aResultCsvBecomesAReadableTable(@TempDir Path folder) throws Exception {
        Path python = Path.of("/usr/bin/python3");
        assumeTrue(Files.isExecutable(python), "Debian's python3 (environment/setup.sh)");
        String header = "source,target,pairs,M-MSE mean,M-MSE sd,baseline: class mean,M-MSE beats";
        Files.writeString(folder.resolve("table2.csv"), header + """

                VAE,GAN,20,0.009111528972769154,1.6641818672909328E-4,0.0396,class mean
                """);
        // the roles Results.csv writes beside every result table
        Files.writeString(folder.resolve("table2.columns.json"), ResultColumns.rolesJson(List.of(header.split(","))));
        String html = tableHtml(python, folder.resolve("table2.csv"));
        assertTrue(html.contains("<th>M-MSE</th>"), "mean and sd are one column: " + html);
        assertTrue(
                html.contains("<td>0.00911 ± 0.00017</td>"),
                "3 significant digits, the sd to the mean's decimals: " + html);
        assertTrue(html.contains("<th>class mean</th>"), "baseline columns by their names: " + html);
        assertTrue(html.contains("<td>20</td>") && html.contains("<td>class mean</td>"), html);
        assertTrue(!html.contains("0.009111528972769154"), "no raw doubles: " + html);

        Files.delete(folder.resolve("table2.columns.json"));
        String plain = tableHtml(python, folder.resolve("table2.csv"));
        assertTrue(
                plain.contains("<th>M-MSE mean</th>") && plain.contains("<th>baseline: class mean</th>"),
                "without declared roles, no column is guessed at: " + plain);
    }

    /** The runner's HTML of one result CSV. */
    private static String tableHtml(Path python, Path csv) throws Exception {
        String script = """
                import importlib.util, sys
                spec = importlib.util.spec_from_file_location("rn", sys.argv[1])
                rn = importlib.util.module_from_spec(spec)
                spec.loader.exec_module(rn)
                from pathlib import Path
                print(rn.csv_table(Path(sys.argv[2]), "Table 2", "results/table2.csv"))
                """;
        Process process = new ProcessBuilder(
                        python.toString(),
                        "-c",
                        script,
                        Path.of("environment/run_notebooks.py").toAbsolutePath().toString(),
                        csv.toString())
                .redirectErrorStream(true)
                .start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the runner's table code answers");
        String html = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(!html.contains("No module named 'nbformat'"), "python3-nbformat (environment/setup.sh)");
        assertEquals(0, process.exitValue(), html);
        return html;
    }

    @Test
    void theIndexShowsTheTablesNotebooksDeclareFirstOnesFirst(@TempDir Path folder) throws Exception {
        Path python = Path.of("/usr/bin/python3");
        assumeTrue(Files.isExecutable(python), "Debian's python3 (environment/setup.sh)");
        Path results = Files.createDirectories(folder.resolve("results"));
        Files.writeString(results.resolve("a.csv"), "x\n1\n");
        Files.writeString(results.resolve("claims.csv"), "claim,verdict\nc,partly\n");
        String script = """
                import importlib.util, os, sys
                spec = importlib.util.spec_from_file_location("rn", sys.argv[1])
                rn = importlib.util.module_from_spec(spec)
                spec.loader.exec_module(rn)
                from pathlib import Path
                import nbformat
                early = nbformat.v4.new_notebook(metadata={"latentmap": {"results": [{"file": "a.csv", "title": "Table A"},
                                                                                     {"file": "missing.csv", "title": "Not written"}]}})
                late = nbformat.v4.new_notebook(metadata={"latentmap": {"results": [{"file": "claims.csv", "title": "Claims", "first": True}]}})
                headlines = rn.headlines_of(early) + rn.headlines_of(late)
                os.environ["LATENTMAP_RESULTS"] = sys.argv[2] + "/results"
                print(rn.results_section(Path(sys.argv[2]), headlines))
                """;
        Process process = new ProcessBuilder(
                        python.toString(),
                        "-c",
                        script,
                        Path.of("environment/run_notebooks.py").toAbsolutePath().toString(),
                        folder.toString())
                .redirectErrorStream(true)
                .start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the runner's index code answers");
        String html = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(!html.contains("No module named 'nbformat'"), "python3-nbformat (environment/setup.sh)");
        assertEquals(0, process.exitValue(), html);
        assertTrue(
                html.indexOf("<h3>Claims</h3>") >= 0
                        && html.indexOf("<h3>Claims</h3>") < html.indexOf("<h3>Table A</h3>"),
                "the table marked first comes first: " + html);
        assertTrue(!html.contains("Not written"), "a declared table the run did not write is left out: " + html);
    }
}
