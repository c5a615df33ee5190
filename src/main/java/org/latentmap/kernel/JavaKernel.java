package org.latentmap.kernel;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.common.Image;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import io.github.spencerpark.jupyter.kernel.history.HistoryEntry;
import io.github.spencerpark.jupyter.kernel.history.HistoryManager;
import io.github.spencerpark.jupyter.kernel.magic.common.Load;
import io.github.spencerpark.jupyter.kernel.magic.registry.Magics;
import io.github.spencerpark.jupyter.kernel.magic.registry.UndefinedMagicException;
import io.github.spencerpark.jupyter.messages.ContentType;
import io.github.spencerpark.jupyter.messages.Header;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.reply.KernelInfoReply;
import io.github.spencerpark.jupyter.messages.request.HistoryRequest;
import io.github.spencerpark.jupyter.messages.request.KernelInfoRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * latentmap's Java kernel for Jupyter: IJava-compatible (kernelspec {@code java}, the {@code display},
 * {@code render} and {@code updateDisplay} functions, the {@code %jars}, {@code %classpath} and {@code %load}
 * line magics, {@code IJAVA_CLASSPATH}), written on IJava's base library and the JDK's JShell. Beyond IJava it
 * answers the whole of Jupyter's shell protocol as the conformance suite checks it: a kernel info reply with its
 * status, is-complete with continuation indents, Shift-Tab documentation and the history of its cells.
 *
 * <p>Started by Jupyter as {@code java -cp <kernel jars> org.latentmap.kernel.JavaKernel <connection file>}.
 */
public final class JavaKernel extends BaseKernel {

    /** The environment variable IJava reads for extra classpath entries; our kernelspec sets it too. */
    public static final String CLASSPATH_VARIABLE = "IJAVA_CLASSPATH";

    private static volatile JavaKernel current;

    /** Held so the level set in main stays (loggers are weakly referenced): the protocol's INFO lines are noise. */
    private static final Logger ROOT_LOG = Logger.getLogger("");

    private final CellEvaluator evaluator;
    private final ClasspathMagics classpathMagics;
    private final Magics magics = new Magics();
    private final LanguageInfo languageInfo;
    private final List<String> pendingWarnings = new ArrayList<>();
    private final CellHistory history = new CellHistory();
    private static final MIMEType TEXT_PLAIN = MIMEType.parse("text/plain");

    public JavaKernel() throws Exception {
        this.evaluator = new CellEvaluator();
        this.classpathMagics = new ClasspathMagics(evaluator);
        this.languageInfo = new LanguageInfo.Builder("java")
                .version(Runtime.version().toString())
                .mimetype("text/x-java-source")
                .fileExtension(".jshell")
                .pygments("java")
                .codemirror("java")
                .build();
        Image.registerAll(renderer);
        registerMagics();
        pendingWarnings.addAll(classpathMagics.addEnvironmentClasspath(System.getenv(CLASSPATH_VARIABLE)));
        evaluator.importDefaults();
        current = this;
    }

    static JavaKernel current() {
        JavaKernel kernel = current;
        if (kernel == null) {
            throw new IllegalStateException("display functions need a running latentmap Java kernel");
        }
        return kernel;
    }

    private void registerMagics() {
        magics.registerLineMagic("jars", args -> classpathMagics.jars(args));
        magics.registerLineMagic("classpath", args -> classpathMagics.classpath(args));
        Load load = new Load(List.of(".jsh", ".jshell", ".java", ".jav"), this::runCell);
        magics.registerLineMagic("load", args -> {
            load.load(args);
            return null;
        });
    }

    @Override
    public LanguageInfo getLanguageInfo() {
        return languageInfo;
    }

    @Override
    public String getBanner() {
        return "latentmap Java kernel (IJava-compatible) on Java " + Runtime.version();
    }

    @Override
    public DisplayData eval(String code) throws Exception {
        if (!pendingWarnings.isEmpty()) {
            for (String warning : pendingWarnings) {
                System.err.println("latentmap kernel: " + warning + " (" + CLASSPATH_VARIABLE
                        + "). Build the project with 'mvn package' or run environment/setup.sh again.");
            }
            pendingWarnings.clear();
        }
        int count = executionCount.get() - 1; // the base kernel counts the request before it calls eval
        DisplayData result = null;
        try {
            Object value = runCell(code);
            if (value == CellEvaluator.NO_VALUE || value == null) {
                return null;
            }
            result = value instanceof DisplayData data ? data : renderer.render(value);
            return result;
        } finally {
            Object text = result == null ? null : result.getData(TEXT_PLAIN);
            history.record(count, code, text == null ? "" : text.toString());
        }
    }

    /**
     * Runs a cell: Java code, with IJava line magics ({@code %name args}) on lines of their own, each run
     * in its place. Returns the value of the last Java snippet, or {@link CellEvaluator#NO_VALUE}.
     */
    Object runCell(String code) throws Exception {
        Object last = CellEvaluator.NO_VALUE;
        StringBuilder pending = new StringBuilder();
        for (String line : code.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("%") && !trimmed.startsWith("%%")) {
                if (!pending.toString().isBlank()) {
                    last = evaluator.evaluate(pending.toString());
                }
                pending.setLength(0);
                runLineMagic(trimmed.substring(1));
                last = CellEvaluator.NO_VALUE;
            } else if (trimmed.startsWith("%%")) {
                throw new IllegalArgumentException("cell magics (" + trimmed.split("\\s+")[0]
                        + ") are not supported: this kernel knows the line magics %jars, %classpath and %load");
            } else {
                pending.append(line).append('\n');
            }
        }
        if (!pending.toString().isBlank()) {
            last = evaluator.evaluate(pending.toString());
        }
        return last;
    }

    private void runLineMagic(String invocation) throws Exception {
        List<String> words = MagicArguments.split(invocation);
        if (words.isEmpty()) {
            throw new IllegalArgumentException(
                    "a line with a lone '%' is not a magic: write %jars, %classpath or %load");
        }
        try {
            magics.applyLineMagic(words.get(0), words.subList(1, words.size()));
        } catch (UndefinedMagicException e) {
            throw new IllegalArgumentException(
                    "unknown line magic %" + words.get(0) + ": this kernel knows %jars, %classpath and %load");
        }
    }

    String displayNow(Object value, String... mimeTypes) {
        DisplayData data = renderObject(value, mimeTypes);
        String id =
                data.hasDisplayId() ? data.getDisplayId() : UUID.randomUUID().toString();
        data.setDisplayId(id);
        display(data);
        return id;
    }

    void updateDisplay(String displayId, Object value, String... mimeTypes) {
        DisplayData data = renderObject(value, mimeTypes);
        getIO().display.updateDisplay(displayId, data);
    }

    DisplayData renderObject(Object value, String... mimeTypes) {
        if (value instanceof DisplayData data) {
            return new DisplayData(data);
        }
        return mimeTypes.length == 0 ? renderer.render(value) : renderer.renderAs(value, mimeTypes);
    }

    @Override
    public List<String> formatError(Exception e) {
        List<String> lines = new ArrayList<>();
        if (e instanceof EvaluationException eval) {
            lines.add(eval.exceptionClass() + (eval.getMessage() == null ? "" : ": " + eval.getMessage()));
            lines.addAll(eval.trace());
        } else if (e instanceof CompilationException) {
            lines.add("Compilation error:");
            lines.addAll(List.of(e.getMessage().split("\n")));
        } else {
            lines.add(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        return lines;
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        int[] anchor = new int[1];
        List<String> options = evaluator.analysis().completionSuggestions(code, at, anchor).stream()
                .map(s -> s.continuation())
                .distinct()
                .toList();
        return options.isEmpty() ? null : new ReplacementOptions(options, anchor[0], at);
    }

    /**
     * Complete, invalid, or the indent of the next line for an unfinished cell (the base library's protocol:
     * any other string is an incomplete cell's indent).
     */
    @Override
    public String isComplete(String code) {
        CodeCompleteness.Answer answer = CodeCompleteness.of(code, evaluator.analysis());
        return switch (answer.status()) {
            case COMPLETE -> IS_COMPLETE_YES;
            case INVALID -> IS_COMPLETE_BAD;
            case INCOMPLETE -> answer.indent();
        };
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        String text = SymbolDocumentation.at(code, at, extraDetail, evaluator.analysis());
        return text == null ? null : new DisplayData(text);
    }

    @Override
    public HistoryManager getHistoryManager() {
        return history;
    }

    /** As the base library, but with a kernel info reply that carries its {@code status}, as the protocol asks. */
    @Override
    public void becomeHandlerForConnection(JupyterConnection connection) {
        super.becomeHandlerForConnection(connection);
        connection.setHandler(MessageType.KERNEL_INFO_REQUEST, this::replyKernelInfo);
        connection.setHandler(MessageType.HISTORY_REQUEST, this::replyHistory);
    }

    private void replyHistory(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        env.setBusyDeferIdle();
        HistoryRequest request = message.getContent();
        Set<HistoryManager.ResultFlag> flags = EnumSet.noneOf(HistoryManager.ResultFlag.class);
        if (request.includeOutput()) {
            flags.add(HistoryManager.ResultFlag.INCLUDE_OUTPUT);
        }
        List<HistoryEntry> entries = switch (request.getAccessType()) {
            case TAIL -> history.lookupTail(((HistoryRequest.Tail) request).getMaxReturnLength(), flags);
            case RANGE -> {
                HistoryRequest.Range range = (HistoryRequest.Range) request;
                yield history.lookupRange(range.getSessionIndex(), range.getStart(), range.getStop(), flags);
            }
            case SEARCH -> {
                HistoryRequest.Search search = (HistoryRequest.Search) request;
                if (search.filterUnique()) {
                    flags.add(HistoryManager.ResultFlag.UNIQUE);
                }
                yield history.search(search.getPattern(), search.getMaxReturnLength(), flags);
            }
        };
        replyRaw(env, new HistoryContent(entries));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void replyRaw(ShellReplyEnvironment env, ContentType content) {
        env.reply(content);
    }

    /**
     * A history reply as the protocol writes it: with its {@code status}, and each entry as a tuple
     * {@code [session, line, input]} or {@code [session, line, [input, output]]}. (The base library's reply
     * has no status, and its entries reach the wire as objects: its tuple adapter is registered only for
     * reading replies.)
     */
    @SuppressWarnings("rawtypes")
    private static final class HistoryContent implements ContentType {
        @SuppressWarnings("unused") // serialised into the reply by Gson
        private final String status = "ok";

        private final List<List<Object>> history = new ArrayList<>();

        HistoryContent(List<HistoryEntry> entries) {
            for (HistoryEntry entry : entries) {
                Object io = entry.hasOutput() ? List.of(entry.getInput(), entry.getOutput()) : entry.getInput();
                history.add(List.of(entry.getSession(), entry.getCellNumber(), io));
            }
        }

        @Override
        public MessageType getType() {
            return MessageType.HISTORY_REPLY;
        }
    }

    private void replyKernelInfo(ShellReplyEnvironment env, Message<KernelInfoRequest> request) {
        env.setBusyDeferIdle();
        env.reply(new KernelInfoWithStatus(
                Header.PROTOCOL_VERISON,
                KERNEL_META.get("project"),
                KERNEL_META.get("version"),
                getLanguageInfo(),
                getBanner(),
                getHelpLinks()));
    }

    /** The base library's kernel info reply lacks the {@code status} field every reply must carry. */
    private static final class KernelInfoWithStatus extends KernelInfoReply {
        @SuppressWarnings("unused") // serialised into the reply by Gson
        private final String status = "ok";

        KernelInfoWithStatus(
                String protocol,
                String implementation,
                String version,
                LanguageInfo language,
                String banner,
                List<LanguageInfo.Help> help) {
            super(protocol, implementation, version, language, banner, help);
        }
    }

    @Override
    public void interrupt() {
        evaluator.stop();
    }

    @Override
    public void onShutdown(boolean restart) {
        evaluator.close();
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println(
                    "usage: java -cp <kernel classpath> " + JavaKernel.class.getName() + " <connection file>");
            System.exit(2);
        }
        ROOT_LOG.setLevel(Level.WARNING);
        io.github.spencerpark.jupyter.channels.JupyterSocket.JUPYTER_LOGGER.setLevel(Level.WARNING);
        KernelConnectionProperties connection = KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));
        JupyterConnection jupyter = new JupyterConnection(connection);
        JavaKernel kernel = new JavaKernel();
        kernel.becomeHandlerForConnection(jupyter);
        jupyter.connect();
        jupyter.waitUntilClose();
        System.exit(0);
    }
}
