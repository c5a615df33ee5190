package org.latentmap.kernel;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A minimal Jupyter client for tests: starts a kernel process on a connection file, as Jupyter does, and
 * speaks the wire protocol to it (signed multipart messages on shell, control and iopub).
 */
final class KernelClient implements AutoCloseable {
    private static final Gson GSON = new Gson();
    private static final String DELIMITER = "<IDS|MSG>";

    private final Process process;
    private final ZContext context = new ZContext();
    private final ZMQ.Socket shell;
    private final ZMQ.Socket control;
    private final ZMQ.Socket iopub;
    private final Mac mac;
    private final String session = UUID.randomUUID().toString();
    private final Path log;

    /** What one request brought back: the shell (or control) reply and the iopub messages it caused. */
    record Result(JsonObject reply, List<JsonObject> published) {
        String status() {
            return reply.getAsJsonObject("content").get("status").getAsString();
        }

        List<JsonObject> of(String msgType) {
            return published.stream().filter(m -> type(m).equals(msgType)).toList();
        }

        JsonObject only(String msgType) {
            List<JsonObject> found = of(msgType);
            if (found.size() != 1) {
                throw new AssertionError("expected one " + msgType + ", got " + found.size() + " in " + published);
            }
            return found.get(0).getAsJsonObject("content");
        }
    }

    static String type(JsonObject message) {
        return message.getAsJsonObject("header").get("msg_type").getAsString();
    }

    KernelClient(List<String> command, Path workDir, Map<String, String> environment) throws Exception {
        String key = UUID.randomUUID().toString();
        int[] ports = freePorts(5);
        JsonObject connection = new JsonObject();
        connection.addProperty("transport", "tcp");
        connection.addProperty("ip", "127.0.0.1");
        connection.addProperty("shell_port", ports[0]);
        connection.addProperty("iopub_port", ports[1]);
        connection.addProperty("stdin_port", ports[2]);
        connection.addProperty("control_port", ports[3]);
        connection.addProperty("hb_port", ports[4]);
        connection.addProperty("key", key);
        connection.addProperty("signature_scheme", "hmac-sha256");
        Path file = workDir.resolve("connection.json");
        Files.writeString(file, GSON.toJson(connection));
        log = workDir.resolve("kernel.log");
        List<String> full = new ArrayList<>(command);
        full.add(file.toString());
        ProcessBuilder builder = new ProcessBuilder(full)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove(JavaKernel.CLASSPATH_VARIABLE);
        builder.environment().putAll(environment);
        process = builder.start();

        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        shell = context.createSocket(SocketType.DEALER);
        shell.connect("tcp://127.0.0.1:" + ports[0]);
        control = context.createSocket(SocketType.DEALER);
        control.connect("tcp://127.0.0.1:" + ports[3]);
        iopub = context.createSocket(SocketType.SUB);
        iopub.subscribe(new byte[0]);
        iopub.connect("tcp://127.0.0.1:" + ports[1]);
        awaitReady(Duration.ofSeconds(60));
    }

    private static int[] freePorts(int count) throws IOException {
        int[] ports = new int[count];
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0);
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
        return ports;
    }

    /** Asks for kernel_info until the kernel answers, then runs empty cells until iopub carries their status. */
    private void awaitReady(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        boolean answered = false;
        while (!answered && Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("kernel exited with " + process.exitValue() + ":\n" + kernelLog());
            }
            send(shell, "kernel_info_request", new JsonObject());
            answered = receive(shell, 1000) != null;
        }
        // A subscriber misses what was published before it joined: wait until iopub delivers to this client.
        while (answered && Instant.now().isBefore(deadline)) {
            JsonObject content = new JsonObject();
            content.addProperty("code", "");
            content.addProperty("silent", false);
            content.add("user_expressions", new JsonObject());
            String id = send(shell, "execute_request", content);
            Instant wait = Instant.now().plusMillis(500);
            while (Instant.now().isBefore(wait)) {
                JsonObject published = receive(iopub, 100);
                if (published != null && parentId(published).equals(id)) {
                    Thread.sleep(200);
                    drain(iopub);
                    drain(shell);
                    return;
                }
            }
        }
        throw new IllegalStateException("kernel did not answer in " + timeout + ":\n" + kernelLog());
    }

    String kernelLog() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** Runs code and collects everything until the kernel is idle again. */
    Result execute(String code) {
        JsonObject content = new JsonObject();
        content.addProperty("code", code);
        content.addProperty("silent", false);
        content.addProperty("store_history", true);
        content.add("user_expressions", new JsonObject());
        content.addProperty("allow_stdin", false);
        content.addProperty("stop_on_error", true);
        return request(shell, "execute_request", content, Duration.ofSeconds(120));
    }

    /** Sends execute_request without waiting; pair with {@link #interruptAndCollect}. */
    String executeAsync(String code) {
        JsonObject content = new JsonObject();
        content.addProperty("code", code);
        content.addProperty("silent", false);
        content.add("user_expressions", new JsonObject());
        return send(shell, "execute_request", content);
    }

    /** Interrupts the running cell through the control channel and returns that cell's reply. */
    Result interruptAndCollect(String executeId, Duration timeout) {
        send(control, "interrupt_request", new JsonObject());
        return collect(shell, executeId, timeout);
    }

    Result request(ZMQ.Socket socket, String type, JsonObject content, Duration timeout) {
        String id = send(socket, type, content);
        return collect(socket, id, timeout);
    }

    private Result collect(ZMQ.Socket socket, String id, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        JsonObject reply = null;
        boolean idle = false;
        List<JsonObject> published = new ArrayList<>();
        while ((reply == null || !idle) && Instant.now().isBefore(deadline)) {
            JsonObject message = receive(iopub, 50);
            if (message != null && parentId(message).equals(id)) {
                if (type(message).equals("status")
                        && message.getAsJsonObject("content")
                                .get("execution_state")
                                .getAsString()
                                .equals("idle")) {
                    idle = true;
                } else if (!type(message).equals("status")) {
                    published.add(message);
                }
            }
            if (reply == null) {
                JsonObject answer = receive(socket, 10);
                if (answer != null && parentId(answer).equals(id)) {
                    reply = answer;
                }
            }
        }
        if (reply == null || !idle) {
            throw new AssertionError(
                    "no complete answer to request " + id + " within " + timeout + "\nkernel log:\n" + kernelLog());
        }
        return new Result(reply, published);
    }

    private static String parentId(JsonObject message) {
        JsonObject parent = message.getAsJsonObject("parent_header");
        return parent != null && parent.has("msg_id") ? parent.get("msg_id").getAsString() : "";
    }

    private String send(ZMQ.Socket socket, String type, JsonObject content) {
        String id = UUID.randomUUID().toString();
        JsonObject header = new JsonObject();
        header.addProperty("msg_id", id);
        header.addProperty("session", session);
        header.addProperty("username", "test");
        header.addProperty("date", Instant.now().toString());
        header.addProperty("msg_type", type);
        header.addProperty("version", "5.3");
        String[] parts = {GSON.toJson(header), "{}", "{}", GSON.toJson(content)};
        socket.sendMore(DELIMITER);
        socket.sendMore(sign(parts));
        for (int i = 0; i < parts.length; i++) {
            if (i < parts.length - 1) {
                socket.sendMore(parts[i]);
            } else {
                socket.send(parts[i]);
            }
        }
        return id;
    }

    private String sign(String... parts) {
        synchronized (mac) {
            for (String part : parts) {
                mac.update(part.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(mac.doFinal());
        }
    }

    /** One whole message, or null if none arrived within the wait; the signature is checked. */
    private JsonObject receive(ZMQ.Socket socket, int waitMillis) {
        socket.setReceiveTimeOut(waitMillis);
        byte[] first = socket.recv();
        if (first == null) {
            return null;
        }
        List<String> frames = new ArrayList<>();
        frames.add(new String(first, StandardCharsets.UTF_8));
        socket.setReceiveTimeOut(5000);
        while (socket.hasReceiveMore()) {
            frames.add(new String(socket.recv(), StandardCharsets.UTF_8));
        }
        int at = frames.indexOf(DELIMITER);
        if (at < 0 || frames.size() < at + 6) {
            throw new AssertionError("malformed message from the kernel: " + frames);
        }
        String signature = frames.get(at + 1);
        String expected = sign(frames.get(at + 2), frames.get(at + 3), frames.get(at + 4), frames.get(at + 5));
        if (!expected.equals(signature)) {
            throw new AssertionError("kernel message with a wrong signature: " + frames);
        }
        JsonObject message = new JsonObject();
        message.add("header", GSON.fromJson(frames.get(at + 2), JsonObject.class));
        message.add("parent_header", GSON.fromJson(frames.get(at + 3), JsonObject.class));
        message.add("content", GSON.fromJson(frames.get(at + 5), JsonObject.class));
        return message;
    }

    private void drain(ZMQ.Socket socket) {
        while (receive(socket, 100) != null) {
            // discard
        }
    }

    @Override
    public void close() throws Exception {
        try {
            request(control, "shutdown_request", shutdownContent(), Duration.ofSeconds(2));
        } catch (AssertionError | RuntimeException ignored) {
            // a kernel that does not answer is killed below
        }
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        context.close();
    }

    private static JsonObject shutdownContent() {
        JsonObject content = new JsonObject();
        content.addProperty("restart", false);
        return content;
    }
}
