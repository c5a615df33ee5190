package org.latentmap.kernel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Documentation;

/**
 * What Shift-Tab shows (Jupyter's {@code inspect_request}): JShell's documentation of the symbol under the
 * cursor: its signatures and, where the JDK's sources ({@code lib/src.zip}) or a library's sources are there,
 * its Javadoc. The cursor may sit anywhere in the name; a method named without its parenthesis is looked up as
 * if the parenthesis were typed.
 */
final class SymbolDocumentation {

    private SymbolDocumentation() {}

    /** The text shown for the symbol at {@code cursor}, or null when JShell knows nothing there. */
    static String at(String code, int cursor, boolean detail, SourceCodeAnalysis analysis) {
        int end = Math.max(0, Math.min(cursor, code.length()));
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++;
        }
        List<Documentation> found = analysis.documentation(code, end, true);
        if (found.isEmpty() && (end >= code.length() || code.charAt(end) != '(')) {
            String withCall = code.substring(0, end) + "(";
            found = analysis.documentation(withCall, withCall.length(), true);
        }
        if (found.isEmpty()) {
            return null;
        }
        Set<String> parts = new LinkedHashSet<>();
        List<String> javadoc = new ArrayList<>();
        for (Documentation doc : found) {
            parts.add(doc.signature());
            if (doc.javadoc() != null
                    && !doc.javadoc().isBlank()
                    && !javadoc.contains(doc.javadoc().strip())) {
                javadoc.add(doc.javadoc().strip());
            }
        }
        StringBuilder text = new StringBuilder(String.join("\n", parts));
        if (!javadoc.isEmpty()) {
            // the first paragraph is enough for a tooltip; the whole text when the user asks for detail (Shift-Tab
            // twice)
            for (String doc : javadoc) {
                String shown = detail ? doc : firstParagraph(doc);
                text.append("\n\n").append(shown);
            }
        }
        return text.toString();
    }

    private static String firstParagraph(String doc) {
        int blank = doc.indexOf("\n\n");
        return blank < 0 ? doc : doc.substring(0, blank);
    }
}
