package org.latentmap.show;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.latentmap.data.ImageSet;
import org.latentmap.features.Codes;
import org.latentmap.features.Traversal;
import org.latentmap.model.LatentModel;
import org.latentmap.relocation.CodeMap;
import org.latentmap.relocation.Decoding;

/**
 * Latent traversals by hand (paper Fig. 6, made interactive): sliders for a few latent variables of one image's
 * code, and the decoded image changing as they move; beside it, other views of the same code, such as a
 * second model's drawing of it after relocation (paper Sect. 6). Every slider position is decoded in advance and
 * the frames travel inside the output, so the explorer works without a kernel behind it: in the served
 * notebook, in JupyterLab and in an exported HTML page. The page's only code is the sliders' input handlers
 * (no script element), so a front end that runs a trusted output's HTML runs it.
 *
 * <p>Each slider sets its variable to one of {@code steps} values evenly spaced over [-range, range] (the
 * paper's traversal range by default), the other variables keep the image's code. The frame shown for slider
 * positions p_1..p_k is frame number sum p_j * steps^(k-j): the first slider is the slowest digit. The page
 * carries the code, the variables and the values in data attributes, so what it shows can be checked against
 * the model (the browser test does).
 */
public final class Explorer extends Rich {

    /** JSON for the data attributes; HTML escaping is done once, by {@link #escape}. */
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    /** Most frames one view may hold: four variables at seven steps. */
    public static final int MAX_FRAMES = 2401;

    private final String title;
    private final float[] code;
    private final int[] variables;
    private final double[] values;
    private final int[] start;
    private final String original;
    private final List<String> labels;
    private final List<List<String>> frames;
    private final int displayWidth;

    private Explorer(
            String title,
            float[] code,
            int[] variables,
            double[] values,
            int[] start,
            String original,
            List<String> labels,
            List<List<String>> frames,
            int displayWidth) {
        this.title = title;
        this.code = code;
        this.variables = variables;
        this.values = values;
        this.start = start;
        this.original = original;
        this.labels = labels;
        this.frames = frames;
        this.displayWidth = displayWidth;
    }

    /** An explorer of {@code model}'s variables {@code variables} around the code of {@code image} (one image). */
    public static Builder of(LatentModel model, ImageSet image, int... variables) {
        if (image.size() != 1) {
            throw new IllegalArgumentException(
                    "an explorer starts from one image; got " + image.size() + " (pick one with images.select(i))");
        }
        return new Builder(model, Codes.of(model, image)[0], variables).original(image);
    }

    /** An explorer of {@code model}'s variables around a given code. */
    public static Builder of(LatentModel model, float[] code, int... variables) {
        return new Builder(model, code.clone(), variables);
    }

    /** How an explorer is set up: its variables, steps, range and views. */
    public static final class Builder {
        private final LatentModel model;
        private final float[] code;
        private final int[] variables;
        private final List<String> labels = new ArrayList<>();
        private final List<UnaryOperator<float[][]>> mappings = new ArrayList<>();
        private final List<LatentModel> decoders = new ArrayList<>();
        private ImageSet original;
        private int steps = 7;
        private double range = Traversal.PAPER_RANGE;
        private String title;

        private Builder(LatentModel model, float[] code, int[] variables) {
            if (code.length != model.latentSize()) {
                throw new IllegalArgumentException("a code of size " + code.length + " for " + model.name()
                        + ", whose latent space has size " + model.latentSize());
            }
            if (variables.length < 1 || variables.length > 4) {
                throw new IllegalArgumentException("an explorer has 1 to 4 sliders; got " + variables.length
                        + " variables (every combination of positions is decoded in advance)");
            }
            for (int v : variables) {
                if (v < 0 || v >= code.length) {
                    throw new IllegalArgumentException("variable " + v + " is not in " + model.name()
                            + "'s latent space [0, " + code.length + ")");
                }
            }
            this.model = model;
            this.code = code;
            this.variables = variables.clone();
            this.title = model.name() + ": variables " + Arrays.toString(variables);
            labels.add(model.name());
            mappings.add(UnaryOperator.identity());
            decoders.add(model);
        }

        /** Positions per slider (at least 2; an odd number keeps 0 among them). */
        public Builder steps(int steps) {
            if (steps < 2) {
                throw new IllegalArgumentException("a slider needs at least 2 positions; got " + steps);
            }
            this.steps = steps;
            return this;
        }

        /** The sliders sweep [-range, range]. */
        public Builder range(double range) {
            if (!(range > 0)) {
                throw new IllegalArgumentException("the range must be positive; got " + range);
            }
            this.range = range;
            return this;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /** Shows this image beside the views, as where the code came from. */
        public Builder original(ImageSet image) {
            this.original = image;
            return this;
        }

        /** Adds a view: {@code target}'s drawing of the code sent through {@code map} (a relocation). */
        public Builder beside(String label, LatentModel target, CodeMap map) {
            if (map.sourceSize() != code.length || map.targetSize() != target.latentSize()) {
                throw new IllegalArgumentException("the map takes " + map.sourceSize() + " variables to "
                        + map.targetSize() + ", but the explorer's codes have " + code.length + " and " + target.name()
                        + " takes " + target.latentSize());
            }
            labels.add(label);
            mappings.add(map::apply);
            decoders.add(target);
            return this;
        }

        /** Decodes every slider position for every view. */
        public Explorer build() {
            int k = variables.length;
            long count = 1;
            for (int j = 0; j < k; j++) {
                count *= steps;
            }
            if (count > MAX_FRAMES) {
                throw new IllegalArgumentException(
                        steps + " steps on " + k + " sliders make " + count + " frames per view; at most " + MAX_FRAMES
                                + " are embedded: use fewer steps or fewer variables");
            }
            int frameCount = (int) count;
            double[] values = new double[steps];
            for (int s = 0; s < steps; s++) {
                values[s] = -range + 2 * range * s / (steps - 1);
            }
            int[] start = new int[k];
            for (int j = 0; j < k; j++) {
                start[j] = nearest(values, code[variables[j]]);
            }
            float[][] codes = new float[frameCount][];
            for (int f = 0; f < frameCount; f++) {
                codes[f] = codeAt(code, variables, values, positions(f, k, steps));
            }
            List<List<String>> frames = new ArrayList<>();
            int width = 0;
            for (int view = 0; view < labels.size(); view++) {
                ImageSet decoded =
                        Decoding.images(decoders.get(view), mappings.get(view).apply(codes));
                width = decoded.width();
                List<String> pngs = new ArrayList<>(frameCount);
                for (int f = 0; f < frameCount; f++) {
                    pngs.add(png(decoded, f));
                }
                frames.add(pngs);
            }
            String originalPng = original == null ? null : png(original, 0);
            int displayWidth = Math.max(96, Math.min(192, width * 4));
            return new Explorer(
                    title,
                    code.clone(),
                    variables.clone(),
                    values,
                    start,
                    originalPng,
                    List.copyOf(labels),
                    frames,
                    displayWidth);
        }
    }

    /** The slider positions of frame {@code frame}: the first slider is the slowest digit. */
    static int[] positions(int frame, int sliders, int steps) {
        int[] positions = new int[sliders];
        for (int j = sliders - 1; j >= 0; j--) {
            positions[j] = frame % steps;
            frame /= steps;
        }
        return positions;
    }

    /** The frame number of slider positions. */
    static int frame(int[] positions, int steps) {
        int frame = 0;
        for (int p : positions) {
            frame = frame * steps + p;
        }
        return frame;
    }

    /** The code shown at these slider positions: {@code base} with each explored variable set to its slider's value. */
    public static float[] codeAt(float[] base, int[] variables, double[] values, int[] positions) {
        float[] code = base.clone();
        for (int j = 0; j < variables.length; j++) {
            code[variables[j]] = (float) values[positions[j]];
        }
        return code;
    }

    private static int nearest(double[] values, double x) {
        int best = 0;
        for (int s = 1; s < values.length; s++) {
            if (Math.abs(values[s] - x) < Math.abs(values[best] - x)) {
                best = s;
            }
        }
        return best;
    }

    private static String png(ImageSet images, int index) {
        return Base64.getEncoder().encodeToString(Picture.pngBytes(ImageGrid.single(images, index)));
    }

    /** The explored variables, in slider order. */
    public int[] variables() {
        return variables.clone();
    }

    /** The values each slider steps through. */
    public double[] values() {
        return values.clone();
    }

    /** The code the sliders start from. */
    public float[] code() {
        return code.clone();
    }

    /** The views' names: the model first, then each view added beside it. */
    public List<String> views() {
        return labels;
    }

    /** The base64 PNG a view shows at these slider positions. */
    public String frame(int view, int... positions) {
        if (positions.length != variables.length) {
            throw new IllegalArgumentException(
                    variables.length + " slider positions expected; got " + positions.length);
        }
        return frames.get(view).get(frame(positions, values.length));
    }

    @Override
    protected Map<String, String> createBundle() {
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put(HTML, html());
        bundle.put(
                TEXT,
                "Explorer[" + title + ", " + labels.size() + " view(s), " + variables.length + " sliders of "
                        + values.length + " steps]");
        return bundle;
    }

    /** The sliders' handler: which frame the positions select, shown in every view; the values beside the sliders. */
    private static final String ON_INPUT = "var r=this.closest('.lm-explorer'),s=r.querySelectorAll('input.lm-slider'),"
            + "n=+r.dataset.steps,v=JSON.parse(r.dataset.values),i=0;"
            + "for(var j=0;j<s.length;j++){i=i*n+(+s[j].value);"
            + "s[j].parentNode.querySelector('output').textContent=v[+s[j].value].toFixed(2);}"
            + "r.querySelectorAll('img.lm-view').forEach(function(m){if(!m.lmFrames)m.lmFrames=JSON.parse(m.dataset.frames);"
            + "m.src='data:image/png;base64,'+m.lmFrames[i];m.dataset.frame=i;});";

    private String html() {
        String id = "lm-explorer-" + UUID.randomUUID();
        int first = frame(start, values.length);
        StringBuilder html = new StringBuilder();
        html.append("<div class=\"lm-explorer\" id=\"")
                .append(id)
                .append("\" style=\"font-family:sans-serif;font-size:13px\"")
                .append(" data-steps=\"")
                .append(values.length)
                .append('"')
                .append(" data-values=\"")
                .append(escape(json(values)))
                .append('"')
                .append(" data-variables=\"")
                .append(escape(json(variables)))
                .append('"')
                .append(" data-code=\"")
                .append(escape(json(code)))
                .append('"')
                .append(" data-model=\"")
                .append(escape(labels.get(0)))
                .append("\">\n");
        html.append("<div style=\"font-weight:bold;margin-bottom:4px\">")
                .append(escape(title))
                .append("</div>\n");
        html.append("<div style=\"display:flex;gap:12px;align-items:flex-end\">\n");
        String imgStyle = "width:" + displayWidth + "px;image-rendering:pixelated;border:1px solid #ccc";
        if (original != null) {
            html.append("<figure style=\"margin:0;text-align:center\"><img alt=\"original\" style=\"")
                    .append(imgStyle)
                    .append("\" src=\"data:image/png;base64,")
                    .append(original)
                    .append("\"><figcaption>original</figcaption></figure>\n");
        }
        for (int view = 0; view < labels.size(); view++) {
            html.append("<figure style=\"margin:0;text-align:center\"><img class=\"lm-view\" alt=\"")
                    .append(escape(labels.get(view)))
                    .append("\" style=\"")
                    .append(imgStyle)
                    .append("\" data-frame=\"")
                    .append(first)
                    .append("\" src=\"data:image/png;base64,")
                    .append(frames.get(view).get(first))
                    .append("\" data-frames=\"")
                    .append(escape(json(frames.get(view))))
                    .append("\"><figcaption>")
                    .append(escape(labels.get(view)))
                    .append("</figcaption></figure>\n");
        }
        html.append("</div>\n");
        for (int j = 0; j < variables.length; j++) {
            html.append("<div style=\"margin-top:4px\"><label><span style=\"display:inline-block;width:3.5em\">z")
                    .append(variables[j])
                    .append("</span><input class=\"lm-slider\" type=\"range\" min=\"0\" max=\"")
                    .append(values.length - 1)
                    .append("\" step=\"1\" value=\"")
                    .append(start[j])
                    .append("\" style=\"width:220px;vertical-align:middle\" oninput=\"")
                    .append(escape(ON_INPUT))
                    .append("\"> <output>")
                    .append(String.format(Locale.ROOT, "%.2f", values[start[j]]))
                    .append("</output></label></div>\n");
        }
        html.append("<div style=\"color:#666;margin-top:4px\">each slider sets its variable to one of ")
                .append(values.length)
                .append(" values in [")
                .append(String.format(Locale.ROOT, "%.2f, %.2f", values[0], values[values.length - 1]))
                .append("]; the other variables keep the image's code</div>\n</div>");
        return html.toString();
    }

    private static String json(Object value) {
        return GSON.toJson(value);
    }
}
