package org.latentmap.exercises;

import java.util.LinkedHashMap;
import java.util.Map;
import org.latentmap.show.Rich;

/**
 * What an exercise's check cell tells a student: right or not yet, and why, with the numbers that decided
 * it and, when not yet, what to try next. Shows as a green or red note in a notebook, as a line of text elsewhere.
 */
public final class Verdict extends Rich {
    private final boolean correct;
    private final String message;

    private Verdict(boolean correct, String message) {
        this.correct = correct;
        this.message = message;
    }

    static Verdict right(String message) {
        return new Verdict(true, message);
    }

    static Verdict notYet(String message) {
        return new Verdict(false, message);
    }

    public boolean correct() {
        return correct;
    }

    public String message() {
        return message;
    }

    @Override
    protected Map<String, String> createBundle() {
        String head = correct ? "✔ Correct" : "✘ Not yet";
        String colour = correct ? "#2e7d32" : "#c62828";
        String background = correct ? "#e8f5e9" : "#ffebee";
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put(
                HTML,
                "<div style=\"border-left:4px solid " + colour + ";background:" + background
                        + ";padding:6px 10px;font-family:sans-serif\"><b style=\"color:" + colour + "\">" + head
                        + ":</b> "
                        + escape(message) + "</div>");
        bundle.put(TEXT, head + ": " + message);
        return bundle;
    }
}
