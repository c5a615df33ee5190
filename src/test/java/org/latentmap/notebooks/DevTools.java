package org.latentmap.notebooks;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Headless Chromium driven over the Chrome DevTools protocol (a WebSocket of JSON commands): start the
 * browser, send a command to its page and wait for the answer, evaluate JavaScript in the page. Just what
 * the browser test needs.
 */
final class DevTools implements AutoCloseable {
    private static final Gson GSON = new Gson();

    private final Process browser;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonObject>> waiting = new ConcurrentHashMap<>();

    private DevTools(Process browser, WebSocket socket) {
        this.browser = browser;
        this.socket = socket;
    }

    /** Starts {@code chromium} headless with a profile in {@code profile} (a new, empty folder) and connects to its first page. */
    static DevTools start(Path chromium, Path profile, Path log) throws Exception {
        Files.createDirectories(profile);
        Path portFile = profile.resolve("DevToolsActivePort");
        Files.deleteIfExists(portFile); // a previous browser's port
        Process browser = new ProcessBuilder(
                        chromium.toString(),
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--remote-debugging-address=127.0.0.1",
                        "--remote-debugging-port=0",
                        "--user-data-dir=" + profile,
                        "about:blank")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.isRegularFile(portFile) || Files.readAllLines(portFile).isEmpty()) {
            if (!browser.isAlive() || System.nanoTime() > deadline) {
                stop(browser);
                throw new IllegalStateException("Chromium did not open its DevTools port: see " + log);
            }
            Thread.sleep(100);
        }
        int port = Integer.parseInt(Files.readAllLines(portFile).get(0).strip());
        HttpClient http = HttpClient.newHttpClient();
        String pages = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        String pageSocket = null;
        for (JsonElement target : JsonParser.parseString(pages).getAsJsonArray()) {
            if (target.getAsJsonObject().get("type").getAsString().equals("page")) {
                pageSocket =
                        target.getAsJsonObject().get("webSocketDebuggerUrl").getAsString();
                break;
            }
        }
        if (pageSocket == null) {
            stop(browser);
            throw new IllegalStateException("Chromium has no page to drive: " + pages);
        }
        DevTools[] self = new DevTools[1];
        WebSocket socket = http.newWebSocketBuilder()
                .buildAsync(URI.create(pageSocket), new WebSocket.Listener() {
                    private final StringBuilder message = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        message.append(data);
                        if (last) {
                            JsonObject reply =
                                    JsonParser.parseString(message.toString()).getAsJsonObject();
                            message.setLength(0);
                            if (reply.has("id")) {
                                CompletableFuture<JsonObject> future =
                                        self[0].waiting.remove(reply.get("id").getAsInt());
                                if (future != null) {
                                    future.complete(reply);
                                }
                            }
                        }
                        webSocket.request(1);
                        return null;
                    }
                })
                .get(30, TimeUnit.SECONDS);
        self[0] = new DevTools(browser, socket);
        return self[0];
    }

    /** Sends a DevTools command and returns its result; a protocol error throws. */
    JsonObject send(String method, Map<String, ?> params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonObject> future = new CompletableFuture<>();
        waiting.put(id, future);
        socket.sendText(GSON.toJson(Map.of("id", id, "method", method, "params", params)), true)
                .get(30, TimeUnit.SECONDS);
        JsonObject reply = future.get(60, TimeUnit.SECONDS);
        if (reply.has("error")) {
            throw new IllegalStateException(method + " failed: " + reply.get("error"));
        }
        return reply.getAsJsonObject("result");
    }

    /** Evaluates a JavaScript expression in the page and returns its value (JSON); an exception in the page throws. */
    JsonElement evaluate(String expression) throws Exception {
        JsonObject result =
                send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("the page threw on " + expression + ": " + result.get("exceptionDetails"));
        }
        JsonObject value = result.getAsJsonObject("result");
        return value.has("value") ? value.get("value") : null;
    }

    /** Evaluates {@code condition} every half second until it is true, or fails saying {@code what} after {@code seconds}. */
    void waitUntil(String condition, int seconds, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<String> errors = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            try {
                JsonElement value = evaluate(condition);
                if (value != null && value.isJsonPrimitive() && value.getAsBoolean()) {
                    return;
                }
            } catch (IllegalStateException e) { // the page may be between loads
                errors.add(e.getMessage());
            }
            Thread.sleep(500);
        }
        throw new AssertionError("waited " + seconds + " s for " + what
                + (errors.isEmpty() ? "" : "; last error: " + errors.get(errors.size() - 1)));
    }

    @Override
    public void close() throws IOException {
        socket.abort();
        stop(browser);
    }

    /** Ends a process and everything it started (Debian's chromium is a script that starts the browser). */
    static void stop(Process process) {
        List<ProcessHandle> family = new ArrayList<>(process.descendants().toList());
        process.destroy();
        family.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            for (ProcessHandle p : family) {
                p.onExit().get(10, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            process.destroyForcibly();
            family.forEach(ProcessHandle::destroyForcibly);
        }
    }
}
