package org.latentmap.show;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A piece of a page kept as a resource beside the class that fills it ({@code explorer/page.html}), with
 * {@code {{name}}} placeholders: the markup lives in the resource, the values in Java. Values are put in as given, in
 * one pass (a value is never read for placeholders), so escaping is the caller's; a placeholder without a value, or
 * a value without a placeholder, is refused, so a renamed placeholder cannot drop content silently.
 */
final class Template {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z]+)}}");

    private final String name;
    private final String text;

    private Template(String name, String text) {
        this.name = name;
        this.text = text;
    }

    /** The resource {@code name}, relative to {@code owner}'s package, read as UTF-8, exactly as stored. */
    static Template of(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + name + " beside " + owner.getName() + " is missing");
            }
            return new Template(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the resource " + name, e);
        }
    }

    /** The text as stored, for a resource with no placeholder (a script). */
    String text() {
        return text;
    }

    /** The text with every placeholder replaced by its value. */
    String fill(Map<String, ?> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() * 2);
        Set<String> used = new HashSet<>();
        while (matcher.find()) {
            String key = matcher.group(1);
            if (!values.containsKey(key)) {
                throw new IllegalArgumentException(name + " has {{" + key + "}} and no value was given for it");
            }
            used.add(key);
            matcher.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(values.get(key))));
        }
        matcher.appendTail(out);
        if (!used.containsAll(values.keySet())) {
            Set<String> unused = new HashSet<>(values.keySet());
            unused.removeAll(used);
            throw new IllegalArgumentException(name + " has no place for " + unused);
        }
        return out.toString();
    }
}
