package org.latentmap.show;

import io.github.spencerpark.jupyter.kernel.display.DisplayDataRenderable;
import io.github.spencerpark.jupyter.kernel.display.RenderContext;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.jetbrains.kotlinx.jupyter.api.DisplayResult;
import org.jetbrains.kotlinx.jupyter.api.Notebook;
import org.jetbrains.kotlinx.jupyter.api.Renderable;

/**
 * Something a notebook shows richly (an image grid, a chart, a table): a bundle of MIME types to content.
 * As a cell's last expression it renders in IJava and in latentmap's Java kernel ({@link DisplayDataRenderable})
 * and in the Kotlin kernel ({@link Renderable}); outside Jupyter, {@link #save(Path)} writes it to a file.
 */
public abstract class Rich implements DisplayDataRenderable, Renderable {

    public static final String PNG = "image/png";
    public static final String HTML = "text/html";
    public static final String TEXT = "text/plain";

    private Map<String, String> cached;

    /** MIME type to content, richest first; image content is base64, as Jupyter carries it. */
    protected abstract Map<String, String> createBundle();

    /** The display bundle, built once. */
    public final Map<String, String> bundle() {
        if (cached == null) {
            cached = createBundle();
        }
        return cached;
    }

    @Override
    public void render(RenderContext context) {
        for (Map.Entry<String, String> entry : bundle().entrySet()) {
            context.renderIfRequested(MIMEType.parse(entry.getKey()), entry::getValue);
        }
    }

    @Override
    public DisplayResult render(Notebook notebook) {
        return KotlinDisplay.of(bundle());
    }

    /** Writes the richest form to a file: the PNG bytes of a picture, or an HTML page of a table. */
    public Path save(Path file) throws IOException {
        Map<String, String> bundle = bundle();
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        if (bundle.containsKey(PNG)) {
            Files.write(file, Base64.getDecoder().decode(bundle.get(PNG)));
        } else if (bundle.containsKey(HTML)) {
            Files.writeString(
                    file, "<!DOCTYPE html><meta charset=\"utf-8\">\n" + bundle.get(HTML), StandardCharsets.UTF_8);
        } else {
            Files.writeString(file, bundle.getOrDefault(TEXT, toString()), StandardCharsets.UTF_8);
        }
        return file;
    }

    /** {@code text} with HTML's special characters escaped, for HTML bundles. */
    protected static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return bundle().getOrDefault(TEXT, getClass().getSimpleName());
    }
}
