package org.latentmap.kernel;

import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;

/**
 * Whether a cell's source is ready to run, for Jupyter's {@code is_complete_request} (a console asks it to
 * decide between running the code and opening a continuation line): every snippet of the cell is read with
 * JShell's analysis, as the cell will be run. Complete when every snippet is; incomplete when the last one is
 * unfinished (an open block, bracket or comment), with the indent for the next line; invalid when a snippet
 * can never be completed (a stray closing brace, an unterminated string) or the cell holds a cell magic.
 */
final class CodeCompleteness {

    /** The answers of {@code is_complete_reply}. */
    enum Status {
        COMPLETE,
        INCOMPLETE,
        INVALID
    }

    /** A status and, for an incomplete cell, the indent its next line should start with. */
    record Answer(Status status, String indent) {}

    private CodeCompleteness() {}

    static Answer of(String code, SourceCodeAnalysis analysis) {
        StringBuilder java = new StringBuilder();
        for (String line : code.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("%%")) {
                return new Answer(Status.INVALID, "");
            }
            // a line magic is complete by itself; it stays as an empty line so positions keep their meaning
            java.append(trimmed.startsWith("%") ? "" : line).append('\n');
        }
        String remaining = java.toString();
        while (!remaining.isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            switch (info.completeness()) {
                case EMPTY:
                    return new Answer(Status.COMPLETE, "");
                case COMPLETE:
                case COMPLETE_WITH_SEMI:
                    remaining = info.remaining();
                    break;
                case DEFINITELY_INCOMPLETE:
                case CONSIDERED_INCOMPLETE:
                    return new Answer(Status.INCOMPLETE, nextIndent(code));
                default:
                    return new Answer(Status.INVALID, "");
            }
        }
        return new Answer(Status.COMPLETE, "");
    }

    /** The last line's indent, one level deeper when that line opens a block or a bracket. */
    static String nextIndent(String code) {
        String[] lines = code.split("\n", -1);
        String last = "";
        for (int i = lines.length - 1; i >= 0; i--) {
            if (!lines[i].isBlank()) {
                last = lines[i];
                break;
            }
        }
        String indent = last.substring(0, last.length() - last.stripLeading().length());
        String end = last.stripTrailing();
        boolean opens = end.endsWith("{") || end.endsWith("(") || end.endsWith("[");
        return opens ? indent + "    " : indent;
    }
}
