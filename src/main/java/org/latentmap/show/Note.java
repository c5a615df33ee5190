package org.latentmap.show;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A line of text shown where a picture or a table would be when the data cannot give one (a per-class view of
 * images without labels, say): it says what is missing and why, in every kernel.
 */
public final class Note extends Rich {
    private final String text;

    public Note(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    @Override
    protected Map<String, String> createBundle() {
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put(HTML, "<p class=\"latentmap-note\"><em>" + escape(text) + "</em></p>");
        bundle.put(TEXT, text);
        return bundle;
    }

    @Override
    public String toString() {
        return text;
    }
}
