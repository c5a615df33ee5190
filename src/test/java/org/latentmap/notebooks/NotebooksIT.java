package org.latentmap.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.latentmap.Profile;
import org.latentmap.testing.FakeCelebA;
import org.latentmap.testing.ImageFolders;
import org.latentmap.zoo.ModelFamily;
import org.latentmap.zoo.ModelZoo;
import org.latentmap.zoo.TrainingData;

/**
 * Executes every notebook headlessly in the smoke profile, in its own kernel (Java, or Kotlin where that kernel is
 * installed), through environment/run_notebooks.py, on Fashion-MNIST: the walkthrough, the exercises (whose unanswered
 * checks must say "not yet") and their solutions (whose checks must all say "correct"), these two in a Java
 * kernelspec that sets no environment as IJava's and JJava's ({@link #smokeKernels()}). Beside it, in one background
 * pass ({@link DataPass}), CelebA's own notebooks on drawn CelebA folders and the whole walkthrough on a made folder
 * of images. With {@code -Pfull}, also the training notebook in the full profile (the 15 models). A failing cell
 * fails its test; the partly executed copy stays under target/notebooks-smoke (or -celeba, -folder, -full) so the
 * error can be read in context. Models are cached in target/zoo.
 */
public class NotebooksIT {
    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path OUT = ROOT.resolve("target/notebooks-smoke");
    static final Path OUT_FULL = ROOT.resolve("target/notebooks-full");
    static final Path ZOO = ROOT.resolve("target/zoo");
    static final Path KERNELS = ROOT.resolve("build/jupyter/kernels");

    @TestFactory
    Stream<DynamicTest> everyNotebookRunsInTheSmokeProfile() throws IOException {
        if (!Files.isRegularFile(KERNELS.resolve("java/kernel.json"))) {
            throw new IllegalStateException("no Java kernelspec in " + KERNELS + ": run environment/setup.sh first "
                    + "(the README's test command does)");
        }
        Path celeba = tinyCelebA();
        List<Path> notebooks;
        try (Stream<Path> files = Files.walk(ROOT.resolve("notebooks"))) {
            notebooks = files.filter(p -> p.toString().endsWith(".ipynb"))
                    .filter(p -> !p.toString().contains(".ipynb_checkpoints"))
                    .sorted()
                    .toList();
        }
        assertFalse(notebooks.isEmpty(), "no notebooks found");
        DataPass background = DataPass.start(notebooks);
        Stream<DynamicTest> fashion = notebooks.stream()
                .filter(nb -> !DataPass.inBackground(nb))
                .map(nb -> DynamicTest.dynamicTest(ROOT.relativize(nb).toString(), () -> {
                    String kernel = kernelOf(nb);
                    assumeTrue(
                            Files.isRegularFile(KERNELS.resolve(kernel + "/kernel.json")),
                            "the " + kernel
                                    + " kernel is not installed (environment/setup.sh installs the Kotlin kernel on Java 17)");
                    boolean exercise = nb.toString().contains("/exercises/");
                    run(List.of(nb.toString()), celeba, "smoke", OUT, 300, exercise);
                    Path executed = OUT.resolve(ROOT.resolve("notebooks").relativize(nb));
                    String outputs = outputText(executed);
                    if (exercise) {
                        assertTrue(
                                outputs.contains(", project " + ROOT + "\n"),
                                "in a kernel that sets no environment, the exercise finds the project:\n" + outputs);
                    }
                    if (nb.toString().contains("/exercises/solutions/")) {
                        assertTrue(outputs.contains("✔ Correct"), "a solution's check cell says correct:\n" + outputs);
                        assertFalse(outputs.contains("✘ Not yet"), "every check of a solution passes:\n" + outputs);
                    } else if (exercise) {
                        assertTrue(
                                outputs.contains("✘ Not yet"),
                                "an unanswered exercise's check tells the student what to do:\n" + outputs);
                    }
                    if (nb.getFileName().toString().equals("02-feature-ordering.ipynb")) {
                        theExportedPageHoldsAWorkingExplorer(OUT.resolve("02-feature-ordering.html"));
                    }
                    if (kernel.equals("kotlin")) {
                        assertTrue(
                                Files.readString(executed).contains("image/png"),
                                "latentmap's displays render in the Kotlin kernel");
                        assertFalse(
                                Files.readString(executed).contains("\"key\""),
                                "nothing of the connection's key leaks into outputs");
                        Path kernelLog = executed.resolveSibling(
                                executed.getFileName().toString().replace(".ipynb", ".kernel.log"));
                        assertFalse(
                                Files.readString(kernelLog).contains("SLF4J"),
                                "the Kotlin kernel's logging says nothing that reads as a failure:\n"
                                        + Files.readString(kernelLog));
                    }
                }));
        Stream<DynamicTest> onOtherData = background.runs().stream()
                .map(run -> DynamicTest.dynamicTest(run.data() + ": " + ROOT.relativize(run.notebook()), () -> {
                    Path nb = run.notebook();
                    String kernel = kernelOf(nb);
                    assumeTrue(
                            Files.isRegularFile(KERNELS.resolve(kernel + "/kernel.json")),
                            "the " + kernel + " kernel is not installed");
                    Path executed = background.executed(run);
                    String outputs = outputText(executed);
                    assertTrue(
                            outputs.contains("data " + run.data()),
                            "the notebook ran on " + run.data() + ":\n" + outputs);
                    if (nb.toString().contains("/exercises/solutions/")) {
                        assertTrue(outputs.contains("✔ Correct"), "a solution's check cell says correct:\n" + outputs);
                        assertFalse(outputs.contains("✘ Not yet"), "every check of a solution passes:\n" + outputs);
                    } else if (nb.toString().contains("/exercises/")) {
                        assertTrue(
                                outputs.contains("✘ Not yet"), "an unanswered exercise's check says so:\n" + outputs);
                    }
                }));
        return Stream.concat(fashion, onOtherData);
    }

    /**
     * With {@code LATENTMAP_DATA=celeba} and a folder that does not exist, the first cell stops with the message
     * that names the variable to set.
     */
    @Test
    void aMissingCelebAFolderStopsTheFirstCell() throws Exception {
        Path out = ROOT.resolve("target/notebooks-missing-celeba");
        ProcessBuilder builder = new ProcessBuilder(
                        "/usr/bin/python3",
                        "environment/run_notebooks.py",
                        "--profile",
                        "smoke",
                        "--out",
                        out.toString(),
                        "notebooks/00-data.ipynb")
                .directory(ROOT.toFile())
                .redirectErrorStream(true);
        builder.environment().put("PATH", "/usr/bin:" + System.getenv("PATH"));
        builder.environment().put("LATENTMAP_DATA", "celeba");
        builder.environment()
                .put("CELEBA_DIR", ROOT.resolve("target/no-such-celeba").toString());
        builder.environment().put("LATENTMAP_ZOO", ZOO.toString());
        Process process = builder.start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the run ended");
        assertEquals(1, process.exitValue(), "the notebook fails:\n" + log);
        JsonObject nb = JsonParser.parseString(Files.readString(out.resolve("00-data.ipynb")))
                .getAsJsonObject();
        JsonObject firstCode = null;
        for (JsonElement cell : nb.getAsJsonArray("cells")) {
            if (cell.getAsJsonObject().get("cell_type").getAsString().equals("code")) {
                firstCode = cell.getAsJsonObject();
                break;
            }
        }
        String first = text(firstCode.getAsJsonArray("outputs"));
        assertTrue(
                first.contains("CELEBA_DIR") && first.contains("does not exist"),
                "the first cell says what to set:\n" + first);
    }

    /**
     * A kernel that says nothing for the stall limit (here 4 seconds, 20 minutes by default) is stopped, and the
     * notebook fails with a line saying why; no limit on a cell's total time is needed in the full profile, whose
     * training cell runs for an hour on some machines.
     */
    @Test
    void aSilentKernelIsStoppedWithALineSayingWhy() throws Exception {
        Path folder = Files.createDirectories(ROOT.resolve("target/notebooks-stall"));
        Path notebook = folder.resolve("silent.ipynb");
        Files.writeString(notebook, """
                {"cells": [{"cell_type": "code", "id": "a", "metadata": {}, "execution_count": null, "outputs": [],
                            "source": ["System.out.println(\\"started\\");"]},
                           {"cell_type": "code", "id": "b", "metadata": {}, "execution_count": null, "outputs": [],
                            "source": ["Thread.sleep(300_000);"]}],
                 "metadata": {"kernelspec": {"name": "java", "display_name": "Java", "language": "java"}},
                 "nbformat": 4, "nbformat_minor": 5}
                """);
        ProcessBuilder builder = new ProcessBuilder(
                        "/usr/bin/python3",
                        "environment/run_notebooks.py",
                        "--profile",
                        "full",
                        "--stall",
                        "4",
                        "--out",
                        folder.resolve("out").toString(),
                        notebook.toString())
                .directory(ROOT.toFile())
                .redirectErrorStream(true);
        builder.environment().put("PATH", "/usr/bin:" + System.getenv("PATH"));
        long started = System.nanoTime();
        Process process = builder.start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the run ended");
        assertEquals(1, process.exitValue(), "the notebook fails:\n" + log);
        assertTrue(log.contains("the kernel said nothing for 0.1 minutes: stopping it"), log);
        assertTrue(log.contains("was stopped (a hang?)"), log);
        assertTrue((System.nanoTime() - started) / 1e9 < 100, "stopped long before the 300 s sleep ended:\n" + log);
    }

    /**
     * The notebooks on data other than Fashion-MNIST, in the smoke profile, one background process beside the
     * Fashion-MNIST tests so that all fit the test run's time: first CelebA, on folders the test draws
     * ({@link FakeCelebA}: 400 aligned images, 6 CelebA-HQ ones), for the notebooks with CelebA's own code (00's crops,
     * 07's CelebA-HQ, exercise 2's label-free branch and its solution); then a folder of a user's images
     * ({@code LATENTMAP_DATA=folder}: 300 PNG and JPEG images of mixed sizes, {@link ImageFolders}) for the
     * walkthrough's notebooks (but those in {@link #NOT_ON_FOLDER}), which covers the unlabelled 3-channel path the
     * two data sets share.
     */
    static final class DataPass {
        static final Path OUT_CELEBA = ROOT.resolve("target/notebooks-smoke-celeba");
        static final Path OUT_FOLDER = ROOT.resolve("target/notebooks-smoke-folder");
        static final Path OUT_FASHION = ROOT.resolve("target/notebooks-smoke-fashion-beside");
        /**
         * Run on Fashion-MNIST here rather than in the foreground, so that the two passes end together (exercise 1
         * and its solution stay there: the foreground checks that an exercise finds the project by itself).
         */
        static final List<String> FASHION_NOTEBOOKS = List.of(
                "exercises/02-beat-random.ipynb",
                "exercises/solutions/02-beat-random.ipynb",
                "exercises/03-brightness-variable.ipynb",
                "exercises/solutions/03-brightness-variable.ipynb");

        /**
         * Top-level notebooks the folder pass leaves out, since what they would run on unlabelled 3-channel images
         * another run covers: 05 and 06 relocate other pairs with 04's code (no label or data set appears in
         * them); 07 runs on CelebA's drawn folder above, unlabelled and 3-channel too; 09 calls the library from
         * Kotlin (its point is the kernel). All four run on Fashion-MNIST in the foreground.
         */
        static final List<String> NOT_ON_FOLDER =
                List.of("05-type2.ipynb", "06-type3.ipynb", "07-stylegan-pathology.ipynb", "09-kotlin.ipynb");

        static final List<String> CELEBA_NOTEBOOKS = List.of(
                "00-data.ipynb",
                "07-stylegan-pathology.ipynb",
                "exercises/02-beat-random.ipynb",
                "exercises/solutions/02-beat-random.ipynb");

        /** Whether {@code notebook} runs on Fashion-MNIST in this pass instead of the foreground's. */
        static boolean inBackground(Path notebook) {
            return FASHION_NOTEBOOKS.contains(
                    ROOT.resolve("notebooks").relativize(notebook).toString());
        }

        /** One notebook on one data set, and where the pass writes it. */
        record Run(String data, Path notebook, Path out) {}

        private final Process process;
        private final Path log;
        private final List<Run> runs;
        private final Map<Path, JsonObject> summaries = new java.util.HashMap<>();

        private DataPass(Process process, Path log, List<Run> runs) {
            this.process = process;
            this.log = log;
            this.runs = runs;
        }

        List<Run> runs() {
            return runs;
        }

        static DataPass start(List<Path> notebooks) throws IOException {
            Path fake = ROOT.resolve("target/fake-celeba");
            Path aligned = FakeCelebA.aligned(fake.resolve("img_align_celeba"), 400);
            Path hq = FakeCelebA.hq(fake.resolve("celeba_hq"), 6);
            Path images = ROOT.resolve("target/fake-folder/images");
            if (!Files.isDirectory(images)) {
                ImageFolders.mixed(images, 300, 7);
            }
            List<Run> runs = new ArrayList<>();
            for (Path nb : notebooks) {
                if (CELEBA_NOTEBOOKS.contains(
                        ROOT.resolve("notebooks").relativize(nb).toString())) {
                    runs.add(new Run("celeba", nb, OUT_CELEBA));
                }
            }
            for (Path nb : notebooks) {
                if (nb.getParent().equals(ROOT.resolve("notebooks"))
                        && !NOT_ON_FOLDER.contains(nb.getFileName().toString())) {
                    runs.add(new Run("folder", nb, OUT_FOLDER));
                }
            }
            for (Path nb : notebooks) {
                if (inBackground(nb)) {
                    runs.add(new Run("fashion-mnist", nb, OUT_FASHION));
                }
            }
            Path log = ROOT.resolve("target/notebooks-smoke-other-data.log");
            for (Path out : List.of(OUT_CELEBA, OUT_FOLDER, OUT_FASHION)) {
                Files.createDirectories(out);
                Files.deleteIfExists(out.resolve("summary.json"));
            }
            String celeba = "LATENTMAP_DATA=celeba CELEBA_DIR=" + aligned + " CELEBA_HQ_DIR=" + hq + " "
                    + command(runs, "celeba", OUT_CELEBA);
            String folder = "LATENTMAP_DATA=folder IMAGE_DIR=" + images + " " + command(runs, "folder", OUT_FOLDER);
            String fashion = "LATENTMAP_DATA=fashion-mnist " + command(runs, "fashion-mnist", OUT_FASHION);
            ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", celeba + "; " + folder + "; " + fashion)
                    .directory(ROOT.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("PATH", "/usr/bin:" + System.getenv("PATH"));
            builder.environment().put("LATENTMAP_ZOO", ZOO.toString());
            builder.environment().remove("LATENTMAP_RESULTS");
            oneThreadEach(builder);
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
            }));
            return new DataPass(process, log, List.copyOf(runs));
        }

        /** The runner's command for the runs on {@code data}, writing to {@code out} (paths without spaces). */
        private static String command(List<Run> runs, String data, Path out) throws IOException {
            StringBuilder command = new StringBuilder(
                    "/usr/bin/python3 environment/run_notebooks.py --profile smoke --timeout 300 --kernels "
                            + smokeKernels() + " --out " + out);
            runs.stream()
                    .filter(r -> r.data().equals(data))
                    .forEach(r -> command.append(' ').append(r.notebook()));
            return command.toString();
        }

        /** The executed copy of {@code run}'s notebook, after the whole pass ended; fails with its error when it failed. */
        synchronized Path executed(Run run) throws Exception {
            if (summaries.isEmpty()) {
                assertTrue(process.waitFor(30, TimeUnit.MINUTES), "the other data sets' pass ended");
                for (Path out : List.of(OUT_CELEBA, OUT_FOLDER, OUT_FASHION)) {
                    Path file = out.resolve("summary.json");
                    assertTrue(Files.isRegularFile(file), "the pass wrote its summary:\n" + Files.readString(log));
                    summaries.put(
                            out, JsonParser.parseString(Files.readString(file)).getAsJsonObject());
                }
            }
            String name = ROOT.resolve("notebooks").relativize(run.notebook()).toString();
            for (JsonElement element : summaries.get(run.out()).getAsJsonArray("results")) {
                JsonObject result = element.getAsJsonObject();
                if (result.get("notebook").getAsString().equals(name)) {
                    assertTrue(
                            result.get("ok").getAsBoolean(),
                            name + " failed on " + run.data() + " (" + run.out().resolve(name) + "):\n"
                                    + result.get("error"));
                    return run.out().resolve(name);
                }
            }
            throw new AssertionError(
                    name + " is missing from the " + run.data() + " pass's summary:\n" + Files.readString(log));
        }
    }

    /**
     * Notebook 02's HTML page, as the walkthrough exports it, opened in headless Chromium: moving its explorer's
     * sliders shows the Split-VAE's decoding of each position (the smoke model, loaded here from the zoo the
     * notebook used).
     */
    static void theExportedPageHoldsAWorkingExplorer(Path page) throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        assumeTrue(
                Files.isExecutable(chromium),
                "Debian's chromium is not installed (environment/setup.sh installs it unless SKIP_BROWSER=1)");
        assertTrue(Files.isRegularFile(page), "the notebook's HTML page was written: " + page);
        var profile = Profile.SMOKE;
        var svae = ModelZoo.at(ZOO)
                .get(ModelFamily.SPLIT_VAE, 1, profile, TrainingData.FASHION_MNIST, TrainingData.fashionMnist(profile));
        Path out = ROOT.resolve("target/explorer-check");
        Files.createDirectories(out);
        try (DevTools browser = DevTools.start(
                chromium, Files.createTempDirectory(out, "chromium-profile-"), out.resolve("chromium-02.log"))) {
            browser.send("Page.navigate", Map.of("url", page.toUri().toString()));
            browser.waitUntil(
                    "document.readyState === 'complete' && !!document.querySelector('.lm-explorer img.lm-view')",
                    60,
                    "the exported page with its explorer");
            for (int slider = 0; slider < 3; slider++) {
                ExplorerPage.movingASliderShowsTheModelsDecoding(browser, svae.model(), slider);
            }
        }
    }

    /** The kernelspec name a notebook asks for. */
    static String kernelOf(Path notebook) throws IOException {
        JsonObject nb = JsonParser.parseString(Files.readString(notebook)).getAsJsonObject();
        return nb.getAsJsonObject("metadata")
                .getAsJsonObject("kernelspec")
                .get("name")
                .getAsString();
    }

    /** Every text output (streams, plain-text results, errors) of an executed notebook, in order. */
    static String outputText(Path executed) throws IOException {
        StringBuilder text = new StringBuilder();
        JsonObject nb = JsonParser.parseString(Files.readString(executed)).getAsJsonObject();
        for (JsonElement cell : nb.getAsJsonArray("cells")) {
            JsonArray outputs = cell.getAsJsonObject().getAsJsonArray("outputs");
            if (outputs != null) {
                text.append(text(outputs));
            }
        }
        return text.toString();
    }

    /** The text of one cell's outputs (a saved notebook's lists of lines, or a page's plain strings), a line each. */
    static String text(JsonArray outputs) {
        StringBuilder text = new StringBuilder();
        for (JsonElement output : outputs) {
            JsonObject o = output.getAsJsonObject();
            JsonElement value = o.has("text")
                    ? o.get("text")
                    : o.has("data") && o.getAsJsonObject("data").has("text/plain")
                            ? o.getAsJsonObject("data").get("text/plain")
                            : o.has("evalue") ? o.get("evalue") : null;
            if (value != null) {
                if (value.isJsonArray()) {
                    value.getAsJsonArray().forEach(line -> text.append(line.getAsString()));
                } else {
                    text.append(value.getAsString());
                }
                text.append('\n');
            }
        }
        return text.toString();
    }

    /**
     * Opt-in ({@code mvn verify -Pfull}): trains the 15 full-profile models, 20-33 minutes on this project's
     * 2-core machines. Not part of the test run: full-profile numbers are the main job's to produce.
     */
    @Test
    void theTrainingNotebookRunsInTheFullProfile() throws Exception {
        assumeTrue(Boolean.getBoolean("latentmap.full"), "the full-profile training runs with mvn verify -Pfull");
        run(List.of(ROOT.resolve("notebooks/01-training.ipynb").toString()), tinyCelebA(), "full", OUT_FULL, 4200);
        String executed = Files.readString(OUT_FULL.resolve("01-training.ipynb"));
        assertTrue(executed.contains("Split-VAE 5"), "all 15 models are listed");
    }

    static void run(List<String> notebooks, Path celeba) throws Exception {
        run(notebooks, celeba, "smoke", OUT, 300, false);
    }

    static void run(List<String> notebooks, Path celeba, String profile, Path out, int cellTimeout) throws Exception {
        run(notebooks, celeba, profile, out, cellTimeout, false);
    }

    /**
     * Runs {@code notebooks} through the runner, in the smoke profile in the kernels of {@link #smokeKernels()}; with
     * {@code bare}, in {@value #BARE} and with no {@code LATENTMAP_HOME} anywhere.
     */
    static void run(List<String> notebooks, Path celeba, String profile, Path out, int cellTimeout, boolean bare)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(
                "/usr/bin/python3",
                "environment/run_notebooks.py",
                "--profile",
                profile,
                "--out",
                out.toString(),
                "--timeout",
                String.valueOf(cellTimeout),
                "--append"));
        if (profile.equals("smoke")) {
            command.addAll(List.of("--kernels", smokeKernels().toString()));
        }
        if (bare) {
            command.addAll(List.of("--kernel", BARE));
        }
        command.addAll(notebooks);
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        if (bare) {
            builder.environment().remove("LATENTMAP_HOME");
        }
        builder.environment().put("PATH", "/usr/bin:" + System.getenv("PATH"));
        builder.environment().put("CELEBA_DIR", celeba.toString());
        builder.environment().put("LATENTMAP_ZOO", ZOO.toString());
        oneThreadEach(builder);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.MINUTES), "notebook run did not end");
        System.out.println(output);
        assertEquals(0, process.exitValue(), "notebook failed:\n" + output);
    }

    /**
     * One engine thread for each kernel: the two data sets' passes run side by side on the CI's 2 cores, and two
     * kernels of two threads each slowed both passes several times over (measured: the smoke training of notebook
     * 01 took 2.5x as long).
     */
    static void oneThreadEach(ProcessBuilder builder) {
        builder.environment().put("OMP_NUM_THREADS", "1");
        builder.environment().put("MKL_NUM_THREADS", "1");
        builder.environment().put("OMP_WAIT_POLICY", "PASSIVE");
    }

    static final String BARE = "java-bare";
    /** The JVM option the smoke runs' kernels add ({@link #smokeKernels()}). */
    static final String SHORT_LIVED = "-XX:TieredStopAtLevel=1";

    /**
     * The kernelspecs the smoke runs use, under target/smoke-jupyter (the runner's {@code --kernels}): copies of ours
     * (Java, Kotlin), each JVM held to its first compiler ({@value #SHORT_LIVED}), and {@value #BARE}, our Java kernel
     * registered as an IJava or JJava user registers theirs: the same command, but no environment (no {@code
     * LATENTMAP_HOME}, no class path), so a notebook must find the project and its jars by itself, from wherever it
     * sits. Why the option: a smoke notebook's kernel lives for seconds, and a quarter of its busy time went to
     * compiling JShell's snippets (javac, sampled with JFR over the Fashion-MNIST pass), which the optimising compiler
     * only slows down at that length (four notebooks: 36 s with the option, 40-46 s without). Nothing a notebook
     * computes depends on it; the kernelspecs as users have them are tested by KernelConformanceIT, ServerIT and the
     * full profile.
     */
    public static Path smokeKernels() throws IOException {
        Path folder = ROOT.resolve("target/smoke-jupyter");
        for (String name : List.of("java", "kotlin", BARE)) {
            Path ours = KERNELS.resolve(name.equals(BARE) ? "java" : name);
            if (!Files.isRegularFile(ours.resolve("kernel.json"))) {
                continue;
            }
            JsonObject spec = JsonParser.parseString(Files.readString(ours.resolve("kernel.json")))
                    .getAsJsonObject();
            JsonArray argv = new JsonArray();
            spec.getAsJsonArray("argv")
                    .forEach(a -> argv.add(a.getAsString().replace("{resource_dir}", ours.toString())));
            JsonArray shortLived = new JsonArray();
            shortLived.add(argv.get(0));
            shortLived.add(SHORT_LIVED);
            for (int i = 1; i < argv.size(); i++) {
                shortLived.add(argv.get(i));
            }
            spec.add("argv", shortLived);
            if (name.equals(BARE)) {
                spec.remove("env");
                spec.addProperty("display_name", "Java (no environment, as IJava's or JJava's)");
            }
            Path kernel = Files.createDirectories(folder.resolve("kernels").resolve(name));
            Files.writeString(kernel.resolve("kernel.json"), spec.toString());
        }
        return folder;
    }

    /** A stand-in CelebA folder of four drawn 178x218 images, so the Fashion-MNIST pass's CelebA cells run too. */
    static Path tinyCelebA() {
        return FakeCelebA.aligned(ROOT.resolve("target/tiny-celeba/img_align_celeba"), 4);
    }
}
