package org.latentmap.kernel;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Evaluates Java source the way a notebook cell is written: a run of statements, declarations and
 * expressions, split into JShell snippets and run in order. The value of the cell is the object of its
 * last snippet when that snippet is an expression, otherwise {@link #NO_VALUE}.
 */
final class CellEvaluator implements AutoCloseable {

    /** Marks a cell whose last snippet is not an expression (a declaration, a statement). */
    static final Object NO_VALUE = new Object();

    static final List<String> DEFAULT_IMPORTS = List.of(
            "java.io.*",
            "java.math.*",
            "java.net.*",
            "java.nio.file.*",
            "java.util.*",
            "java.util.concurrent.*",
            "java.util.function.*",
            "java.util.regex.*",
            "java.util.stream.*");

    private final JShell shell;
    private final SourceCodeAnalysis analysis;

    CellEvaluator() {
        this.shell = JShell.builder()
                .executionEngine(new CapturingExecutionControl.Provider(), Map.of())
                .build();
        this.analysis = shell.sourceCodeAnalysis();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                shell.addToClasspath(entry);
            }
        }
    }

    /** Imports the usual packages and the IJava notebook functions; call once, before the first cell. */
    void importDefaults() throws CompilationException, EvaluationException {
        StringBuilder code = new StringBuilder();
        for (String pkg : DEFAULT_IMPORTS) {
            code.append("import ").append(pkg).append(";\n");
        }
        code.append("import static ").append(NotebookFunctions.class.getName()).append(".*;\n");
        evaluate(code.toString());
    }

    void addToClasspath(String path) {
        shell.addToClasspath(path);
    }

    /**
     * Runs the code and returns the value of its last snippet, {@link #NO_VALUE} when that snippet is not
     * an expression. Stops at the first snippet that does not compile or throws.
     */
    Object evaluate(String code) throws CompilationException, EvaluationException {
        Object last = NO_VALUE;
        String remaining = code;
        while (!remaining.isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                break;
            }
            String source;
            if (info.completeness().isComplete() && info.source() != null) {
                source = info.source();
                remaining = info.remaining();
            } else {
                source = remaining;
                remaining = "";
            }
            last = evaluateSnippet(source);
        }
        return last;
    }

    private Object evaluateSnippet(String source) throws CompilationException, EvaluationException {
        Object last = NO_VALUE;
        for (SnippetEvent event : shell.eval(source)) {
            if (event.causeSnippet() != null) {
                continue; // a re-evaluation of a dependent snippet, not this source
            }
            Snippet snippet = event.snippet();
            Object value = CapturingExecutionControl.take(event.value());
            switch (event.status()) {
                case REJECTED -> throw compilationError(snippet);
                case RECOVERABLE_DEFINED, RECOVERABLE_NOT_DEFINED -> throw unresolved(snippet);
                default -> {}
            }
            if (event.exception() != null) {
                throw evaluationError(event.exception());
            }
            if (isExpression(snippet)) {
                last = value;
            }
        }
        return last;
    }

    private static boolean isExpression(Snippet snippet) {
        return snippet.kind() == Snippet.Kind.EXPRESSION
                || snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
    }

    private CompilationException compilationError(Snippet snippet) {
        String source = snippet.source();
        StringBuilder message = new StringBuilder();
        List<Diag> errors = shell.diagnostics(snippet).filter(Diag::isError).collect(Collectors.toList());
        for (Diag diag : errors) {
            if (message.length() > 0) {
                message.append('\n');
            }
            message.append(diag.getMessage(Locale.ENGLISH)).append('\n');
            message.append(pointAt(source, (int) diag.getStartPosition(), (int) diag.getEndPosition()));
        }
        if (errors.isEmpty()) {
            message.append("the code could not be compiled:\n").append(source.strip());
        }
        return new CompilationException(message.toString());
    }

    private CompilationException unresolved(Snippet snippet) {
        List<String> missing = snippet instanceof DeclarationSnippet declaration
                ? shell.unresolvedDependencies(declaration).collect(Collectors.toList())
                : List.of();
        return new CompilationException(
                "cannot find symbol" + (missing.isEmpty() ? "" : ": " + String.join(", ", missing)) + "\n"
                        + snippet.source().strip());
    }

    /** The source line that holds the error, with carets under the offending characters. */
    static String pointAt(String source, int start, int end) {
        if (start < 0 || start > source.length()) {
            return source.strip();
        }
        int lineStart = source.lastIndexOf('\n', start - 1) + 1;
        int lineEnd = source.indexOf('\n', start);
        if (lineEnd < 0) {
            lineEnd = source.length();
        }
        int caretEnd = Math.max(start + 1, Math.min(end, lineEnd));
        return source.substring(lineStart, lineEnd)
                + '\n'
                + " ".repeat(start - lineStart)
                + "^".repeat(Math.max(1, caretEnd - start));
    }

    private static EvaluationException evaluationError(JShellException thrown) {
        String type;
        if (thrown instanceof EvalException eval) {
            type = eval.getExceptionClassName();
        } else if (thrown instanceof UnresolvedReferenceException) {
            type = "UnresolvedReference";
        } else {
            type = thrown.getClass().getName();
        }
        List<String> trace = new ArrayList<>();
        appendUserFrames(thrown, trace);
        Throwable cause = thrown.getCause();
        while (cause != null) {
            String causeType = cause instanceof EvalException eval
                    ? eval.getExceptionClassName()
                    : cause.getClass().getName();
            trace.add("Caused by: " + causeType + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
            appendUserFrames(cause, trace);
            cause = cause.getCause();
        }
        StackTraceElement[] frames = Arrays.stream(thrown.getStackTrace())
                .takeWhile(CellEvaluator::isUserFrame)
                .toArray(StackTraceElement[]::new);
        return new EvaluationException(type, thrown.getMessage(), trace, frames);
    }

    /** Frames of the user's code and the libraries it called, up to where the kernel invoked the cell. */
    private static void appendUserFrames(Throwable thrown, List<String> trace) {
        for (StackTraceElement frame : thrown.getStackTrace()) {
            if (!isUserFrame(frame)) {
                break;
            }
            trace.add("\tat " + frame);
        }
    }

    private static boolean isUserFrame(StackTraceElement frame) {
        String cls = frame.getClassName();
        return !(cls.startsWith("jdk.internal.reflect.")
                || cls.startsWith("java.lang.reflect.")
                || cls.startsWith(CapturingExecutionControl.class.getName()));
    }

    SourceCodeAnalysis analysis() {
        return analysis;
    }

    @Override
    public void close() {
        shell.close();
    }

    void stop() {
        shell.stop();
    }
}
