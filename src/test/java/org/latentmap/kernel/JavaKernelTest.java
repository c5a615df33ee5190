package org.latentmap.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** latentmap's Java kernel, started as Jupyter starts it and spoken to over the Jupyter protocol. */
class JavaKernelTest {
    @TempDir
    static Path dir;

    private static KernelClient kernel;

    @BeforeAll
    static void startKernel() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        kernel = new KernelClient(
                List.of(
                        java,
                        "-Dai.djl.offline=true",
                        "-Djava.awt.headless=true",
                        "-cp",
                        System.getProperty("java.class.path"),
                        JavaKernel.class.getName()),
                dir,
                Map.of());
    }

    @AfterAll
    static void stopKernel() throws Exception {
        if (kernel != null) {
            kernel.close();
        }
    }

    private static String text(JsonObject content) {
        return content.getAsJsonObject("data").get("text/plain").getAsString();
    }

    private static List<String> traceback(KernelClient.Result result) {
        JsonArray lines = result.only("error").getAsJsonArray("traceback");
        return lines.asList().stream().map(e -> e.getAsString()).toList();
    }

    @Test
    void anExpressionComesBackAsTheCellsResult() {
        KernelClient.Result result = kernel.execute("int answer = 40;\nanswer + 2");
        assertEquals("ok", result.status());
        assertEquals("42", text(result.only("execute_result")));
    }

    @Test
    void aStatementReturnsNothingAndPrintsToStdout() {
        KernelClient.Result result = kernel.execute("System.out.println(\"hello\");");
        assertEquals("ok", result.status());
        assertTrue(result.of("execute_result").isEmpty());
        JsonObject stream = result.only("stream");
        assertEquals("stdout", stream.get("name").getAsString());
        assertEquals("hello\n", stream.get("text").getAsString());
    }

    @Test
    void displayShowsNowAndReturnsAnIdThatUpdateDisplayReplaces() {
        KernelClient.Result shown = kernel.execute("String id = display(\"first\");\nid");
        JsonObject display = shown.only("display_data");
        assertEquals("first", text(display));
        String id = display.getAsJsonObject("transient").get("display_id").getAsString();
        assertEquals(id, text(shown.only("execute_result")), "display returns the display id, as in IJava");

        KernelClient.Result updated = kernel.execute("updateDisplay(id, \"second\");");
        JsonObject update = updated.only("update_display_data");
        assertEquals("second", text(update));
        assertEquals(id, update.getAsJsonObject("transient").get("display_id").getAsString());
    }

    @Test
    void aRichObjectAsLastExpressionRendersItsWholeBundle() {
        KernelClient.Result result =
                kernel.execute("org.latentmap.show.Show.table(tech.tablesaw.api.Table.create(\"T\",\n"
                        + "    tech.tablesaw.api.StringColumn.create(\"c\", java.util.List.of(\"x\"))))");
        assertEquals("ok", result.status());
        JsonObject data = result.only("execute_result").getAsJsonObject("data");
        assertTrue(data.get("text/html").getAsString().contains("<caption>T</caption>"), data.toString());
        assertTrue(data.has("text/plain"));

        KernelClient.Result image =
                kernel.execute("new java.awt.image.BufferedImage(3, 2, java.awt.image.BufferedImage.TYPE_INT_RGB)");
        assertTrue(image.only("execute_result").getAsJsonObject("data").has("image/png"));
    }

    @Test
    void renderReturnsDisplayDataThatShowsAsTheCellResult() {
        KernelClient.Result result = kernel.execute("render(\"<b>bold</b>\", \"text/html\")");
        assertEquals(
                "<b>bold</b>",
                result.only("execute_result")
                        .getAsJsonObject("data")
                        .get("text/html")
                        .getAsString());
    }

    @Test
    void aCompileErrorIsAJupyterErrorThatPointsAtTheCode() {
        KernelClient.Result result = kernel.execute("int x = \"text\";");
        assertEquals("error", result.status());
        JsonObject error = result.only("error");
        assertEquals("CompilationException", error.get("ename").getAsString());
        String all = String.join("\n", traceback(result));
        assertTrue(all.contains("incompatible types"), all);
        assertTrue(all.contains("int x = \"text\";\n        ^"), all);
    }

    @Test
    void anUnknownNameIsACompileError() {
        KernelClient.Result result = kernel.execute("undefinedThing + 1");
        assertEquals("error", result.status());
        assertTrue(String.join("\n", traceback(result)).contains("cannot find symbol"));
    }

    @Test
    void aThrownExceptionIsAJupyterErrorWithTheUsersStackOnly() {
        kernel.execute("void fail() { throw new IllegalStateException(\"boom\"); }");
        KernelClient.Result result = kernel.execute("int before = 1;\nfail();\nint after = 2;");
        assertEquals("error", result.status());
        List<String> trace = traceback(result);
        assertEquals("java.lang.IllegalStateException: boom", trace.get(0));
        assertTrue(trace.size() >= 2 && trace.get(1).contains("fail"), trace.toString());
        assertFalse(
                trace.stream().anyMatch(l -> l.contains("jdk.internal") || l.contains("CapturingExecutionControl")),
                trace.toString());
        // The cell stopped at the failure, and the kernel goes on.
        assertEquals("1", text(kernel.execute("before").only("execute_result")));
        assertEquals("error", kernel.execute("after").status());
        assertEquals("ok", kernel.execute("1 + 1").status());
    }

    @Test
    void jarsMagicAddsAJarFromAGlob() throws Exception {
        Path source = dir.resolve("src/demo/Hello.java");
        Files.createDirectories(source.getParent());
        Files.writeString(
                source, "package demo; public class Hello { public static String hi() { return \"hi from a jar\"; } }");
        Path classes = dir.resolve("classes");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-d", classes.toString(), source.toString()));
        Path jar = dir.resolve("jars/hello-1.0.jar");
        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("demo/Hello.class"));
            out.write(Files.readAllBytes(classes.resolve("demo/Hello.class")));
            out.closeEntry();
        }
        KernelClient.Result result = kernel.execute("%jars jars/*.jar\ndemo.Hello.hi()");
        assertEquals("ok", result.status(), result.published().toString());
        assertEquals("hi from a jar", text(result.only("execute_result")));

        KernelClient.Result missing = kernel.execute("%jars nowhere/*.jar");
        assertEquals("error", missing.status());
        assertTrue(String.join("\n", traceback(missing)).contains("no jar file matches 'nowhere/*.jar'"));
    }

    @Test
    void loadMagicRunsAFileAndUnknownMagicsAreNamed() throws Exception {
        Files.writeString(
                dir.resolve("helper.jsh"), "int loaded = 7;\nString greet(String who) { return \"hi \" + who; }\n");
        KernelClient.Result result = kernel.execute("%load helper.jsh\ngreet(\"there\") + \" \" + loaded * 6");
        assertEquals("hi there 42", text(result.only("execute_result")));

        KernelClient.Result unknown = kernel.execute("%frobnicate now");
        assertEquals("error", unknown.status());
        assertTrue(String.join("\n", traceback(unknown)).contains("unknown line magic %frobnicate"));
    }

    @Test
    void anInterruptStopsALongCellAndTheKernelLivesOn() throws Exception {
        String id = kernel.executeAsync("Thread.sleep(60_000);");
        Thread.sleep(1500);
        KernelClient.Result interrupted = kernel.interruptAndCollect(id, Duration.ofSeconds(20));
        assertEquals("error", interrupted.status());
        assertEquals("3", text(kernel.execute("1 + 2").only("execute_result")));
    }
}
