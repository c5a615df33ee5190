package org.latentmap.notebooks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The interactive server as a person uses it: the README's command (environment/notebook.sh) starts Jupyter on
 * 127.0.0.1 with a token; headless Chromium opens notebook 00 and runs its first code cells through the page
 * (the classic Notebook's own JavaScript, over the DevTools protocol); a screenshot is taken. Checked: the
 * server refuses requests without the token, the kernel answered each cell, the screenshot shows the cell's
 * image output as the kernel sent it, no kernel is left behind, and the notebook file is unchanged.
 * The screenshot stays in target/server-check/notebook-page.png.
 */
class ServerIT {
    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path OUT = ROOT.resolve("target/server-check");
    static final Path NOTEBOOK = ROOT.resolve("notebooks/00-data.ipynb");
    static final int CODE_CELLS = 3;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aNotebookRunsInHeadlessChromiumAgainstTheInteractiveServer() throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        assumeTrue(
                Files.isExecutable(chromium),
                "Debian's chromium is not installed (environment/setup.sh installs it unless SKIP_BROWSER=1)");
        assertTrue(
                Files.isRegularFile(ROOT.resolve("build/jupyter/kernels/java/kernel.json")),
                "run environment/setup.sh first");
        Files.createDirectories(OUT);
        byte[] notebookBefore = Files.readAllBytes(NOTEBOOK);
        int port = freePort();
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        String token = HexFormat.of().formatHex(secret);
        String base = "http://127.0.0.1:" + port;

        ProcessBuilder builder = new ProcessBuilder("bash", "environment/notebook.sh")
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(OUT.resolve("server.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("LATENTMAP_PORT", String.valueOf(port));
        env.put("LATENTMAP_TOKEN", token);
        env.put("LATENTMAP_PROFILE", "smoke");
        env.put("LATENTMAP_ZOO", ROOT.resolve("target/zoo").toString());
        // the user's own Jupyter settings and trust database stay out of it
        env.put("JUPYTER_CONFIG_DIR", OUT.resolve("config").toString());
        env.put("JUPYTER_DATA_DIR", OUT.resolve("data").toString());
        env.put("JUPYTER_RUNTIME_DIR", OUT.resolve("runtime").toString());
        Process server = builder.start();
        try {
            waitForServer(base, token, server);
            assertEquals(403, get(base + "/api/kernels", null).statusCode(), "without the token the server refuses");
            assertTrue(
                    get(base + "/api/kernelspecs", token).body().contains("\"java\""),
                    "the project's Java kernel is registered");

            Path profile = Files.createTempDirectory(OUT, "chromium-profile-");
            try (DevTools page = DevTools.start(chromium, profile, OUT.resolve("chromium.log"))) {
                page.send(
                        "Emulation.setDeviceMetricsOverride",
                        Map.of("width", 1280, "height", 1000, "deviceScaleFactor", 1, "mobile", false));
                page.send("Page.navigate", Map.of("url", base + "/notebooks/00-data.ipynb?token=" + token));
                page.waitUntil(
                        "!!(window.Jupyter && Jupyter.notebook && Jupyter.notebook._fully_loaded"
                                + " && Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected())",
                        120,
                        "the notebook page and its kernel");
                page.evaluate("Jupyter.notebook.set_autosave_interval(0)"); // the test must not write the notebook
                JsonArray cells = page.evaluate(
                                "Jupyter.notebook.get_cells().map((c, i) => c.cell_type === 'code' ? i : -1)"
                                        + ".filter(i => i >= 0).slice(0, " + CODE_CELLS + ")")
                        .getAsJsonArray();
                assertEquals(CODE_CELLS, cells.size());
                page.evaluate("Jupyter.notebook.execute_cells(" + cells + ")");
                // a cell's count can come (shell channel) before its outputs (iopub channel): wait for both, and for
                // the image
                page.waitUntil(
                        cells + ".every(i => typeof Jupyter.notebook.get_cell(i).input_prompt_number === 'number'"
                                + " && Jupyter.notebook.get_cell(i).output_area.outputs.length > 0)"
                                + " && Jupyter.notebook.get_cell(" + cells.get(CODE_CELLS - 1) + ").output_area.outputs"
                                + ".some(o => o.data && o.data['image/png'])"
                                + " && document.querySelectorAll('.output_png img').length > 0",
                        240,
                        "the kernel to answer the first " + CODE_CELLS + " code cells, their outputs shown");
                JsonArray outputs = page.evaluate("JSON.stringify(" + cells
                                + ".map(i => Jupyter.notebook.get_cell(i).output_area.outputs))")
                        .getAsString()
                        .transform(s -> JsonParser.parseString(s).getAsJsonArray());
                Files.writeString(OUT.resolve("outputs.json"), outputs.toString());
                assertFalse(outputs.toString().contains("\"output_type\":\"error\""), "no cell failed: " + outputs);
                assertTrue(
                        NotebooksIT.text(outputs.get(0).getAsJsonArray()).contains("latentmap ready: profile smoke"),
                        "the setup cell answered: " + outputs.get(0));
                assertTrue(
                        NotebooksIT.text(outputs.get(1).getAsJsonArray()).contains("ImageSet"),
                        "the data cell answered: " + outputs.get(1));
                String png = imageOf(outputs.get(2));
                assertTrue(png != null, "the third cell's output holds an image: " + outputs.get(2));

                JsonObject box = page.evaluate(
                                "(() => { const img = document.querySelectorAll('.output_png img')[0];"
                                        + " img.scrollIntoView({block: 'center'}); const r = img.getBoundingClientRect();"
                                        + " return {x: r.x, y: r.y, width: r.width, height: r.height, complete: img.complete, natural: img.naturalWidth}; })()")
                        .getAsJsonObject();
                assertTrue(
                        box.get("complete").getAsBoolean() && box.get("natural").getAsInt() > 0,
                        "the browser decoded the image: " + box);
                Thread.sleep(300); // let the scroll settle before the picture
                String shot = page.send("Page.captureScreenshot", Map.of("format", "png"))
                        .get("data")
                        .getAsString();
                byte[] shotBytes = Base64.getDecoder().decode(shot);
                Files.write(OUT.resolve("notebook-page.png"), shotBytes);
                BufferedImage screenshot = ImageIO.read(new ByteArrayInputStream(shotBytes));
                BufferedImage sent = ImageIO.read(
                        new ByteArrayInputStream(Base64.getDecoder().decode(png)));
                double difference = meanGreyDifference(screenshot, sent, box);
                assertTrue(
                        difference < 0.03,
                        "the screenshot shows the image the kernel sent, where the page put it: mean grey difference "
                                + difference + " at " + box + " (see " + OUT.resolve("notebook-page.png") + ")");
                assertTrue(greySpread(screenshot, box) > 0.1, "the image area holds a picture, not a blank box");
            }
            for (JsonElement session : JsonParser.parseString(
                            get(base + "/api/sessions", token).body())
                    .getAsJsonArray()) {
                String id = session.getAsJsonObject().get("id").getAsString();
                http.send(
                        request(base + "/api/sessions/" + id, token).DELETE().build(),
                        HttpResponse.BodyHandlers.discarding());
            }
            assertEquals("[]", get(base + "/api/kernels", token).body().strip(), "no kernel left running");
        } finally {
            DevTools.stop(server);
            byte[] notebookAfter = Files.readAllBytes(NOTEBOOK);
            if (!Arrays.equals(notebookBefore, notebookAfter)) {
                Files.write(NOTEBOOK, notebookBefore);
            }
            assertArrayEquals(
                    notebookBefore, notebookAfter, "the browser session left the committed notebook unchanged");
        }
        assertFalse(server.isAlive(), "the server stopped");
    }

    private void waitForServer(String base, String token, Process server) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new AssertionError("the server ended at once: " + Files.readString(OUT.resolve("server.log")));
            }
            try {
                if (get(base + "/api/status", token).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the server did not answer in 90 s: " + Files.readString(OUT.resolve("server.log")));
    }

    private HttpRequest.Builder request(String url, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url));
        return token == null ? builder : builder.header("Authorization", "token " + token);
    }

    private HttpResponse<String> get(String url, String token) throws Exception {
        return http.send(request(url, token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The base64 PNG among a cell's outputs, or null. */
    private static String imageOf(JsonElement outputs) {
        for (JsonElement o : outputs.getAsJsonArray()) {
            JsonObject output = o.getAsJsonObject();
            if (output.has("data") && output.getAsJsonObject("data").has("image/png")) {
                return output.getAsJsonObject("data")
                        .get("image/png")
                        .getAsString()
                        .replaceAll("\\s", "");
            }
        }
        return null;
    }

    /** Mean |grey difference| (0-1) between the screenshot inside {@code box} and the sent image scaled to it. */
    private static double meanGreyDifference(BufferedImage screenshot, BufferedImage sent, JsonObject rect) {
        Box box = Box.of(rect);
        int x0 = box.x();
        int y0 = box.y();
        int w = box.width();
        int h = box.height();
        assertTrue(
                w > 10
                        && h > 10
                        && x0 >= 0
                        && y0 >= 0
                        && x0 + w <= screenshot.getWidth()
                        && y0 + h <= screenshot.getHeight(),
                "the image lies inside the screenshot (" + screenshot.getWidth() + "x" + screenshot.getHeight() + "): "
                        + box);
        double best = Double.MAX_VALUE;
        for (int dy = -1; dy <= 1; dy++) { // the page may place the image half a pixel off its rounded box
            for (int dx = -1; dx <= 1; dx++) {
                if (x0 + dx < 0
                        || y0 + dy < 0
                        || x0 + dx + w > screenshot.getWidth()
                        || y0 + dy + h > screenshot.getHeight()) {
                    continue;
                }
                double sum = 0;
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        int sx = Math.min(sent.getWidth() - 1, x * sent.getWidth() / w);
                        int sy = Math.min(sent.getHeight() - 1, y * sent.getHeight() / h);
                        sum += Math.abs(grey(screenshot.getRGB(x0 + dx + x, y0 + dy + y)) - grey(sent.getRGB(sx, sy)));
                    }
                }
                best = Math.min(best, sum / ((double) w * h));
            }
        }
        return best;
    }

    /** Standard deviation of the grey level inside {@code box}. */
    private static double greySpread(BufferedImage screenshot, JsonObject rect) {
        Box box = Box.of(rect);
        int x0 = box.x();
        int y0 = box.y();
        int w = box.width();
        int h = box.height();
        double sum = 0;
        double squares = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double g = grey(screenshot.getRGB(x0 + x, y0 + y));
                sum += g;
                squares += g * g;
            }
        }
        double n = (double) w * h;
        return Math.sqrt(Math.max(0, squares / n - (sum / n) * (sum / n)));
    }

    private static double grey(int rgb) {
        return (((rgb >> 16) & 255) + ((rgb >> 8) & 255) + (rgb & 255)) / (3 * 255.0);
    }

    /** An element's rectangle on the page, rounded to whole pixels. */
    private record Box(int x, int y, int width, int height) {
        static Box of(JsonObject rect) {
            return new Box(
                    (int) Math.round(rect.get("x").getAsDouble()),
                    (int) Math.round(rect.get("y").getAsDouble()),
                    (int) Math.round(rect.get("width").getAsDouble()),
                    (int) Math.round(rect.get("height").getAsDouble()));
        }
    }
}
