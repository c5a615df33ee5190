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
import org.latentmap.linalg.CodeMatrix;
import org.latentmap.model.LatentModel;
import org.latentmap.model.Sampling;
import org.latentmap.relocation.CodeMap;

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
        return new Builder(model, Codes.of(model, image).row(0), variables).original(image);
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
        private final List<UnaryOperator<CodeMatrix>> mappings = new ArrayList<>();
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
            float[] frameCodes = new float[frameCount * code.length];
            for (int f = 0; f < frameCount; f++) {
                float[] at = codeAt(code, variables, values, positions(f, k, steps));
                System.arraycopy(at, 0, frameCodes, f * code.length, code.length);
            }
            CodeMatrix codes = CodeMatrix.of(frameCodes, code.length);
            List<List<String>> frames = new ArrayList<>();
            int width = 0;
            for (int view = 0; view < labels.size(); view++) {
                ImageSet decoded =
                        Sampling.decoded(decoders.get(view), mappings.get(view).apply(codes));
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

    /** The page and its parts ({@code explorer/*.html}); the sliders' handler, the page's only code ({@code sliders.js}). */
    private static final Template PAGE = Template.of(Explorer.class, "explorer/page.html");

    private static final Template ORIGINAL = Template.of(Explorer.class, "explorer/original.html");
    private static final Template VIEW = Template.of(Explorer.class, "explorer/view.html");
    private static final Template SLIDER = Template.of(Explorer.class, "explorer/slider.html");
    private static final String ON_INPUT =
            Template.of(Explorer.class, "explorer/sliders.js").text().strip();

    /** The page: the frames and values of this explorer put into {@code explorer/page.html} and its parts. */
    private String html() {
        int first = frame(start, values.length);
        String style = "width:" + displayWidth + "px;image-rendering:pixelated;border:1px solid #ccc";
        String originalFigure = original == null ? "" : ORIGINAL.fill(Map.of("style", style, "png", original));
        StringBuilder views = new StringBuilder();
        for (int view = 0; view < labels.size(); view++) {
            views.append(VIEW.fill(Map.of(
                    "label", escape(labels.get(view)),
                    "style", style,
                    "frame", first,
                    "png", frames.get(view).get(first),
                    "frames", escape(json(frames.get(view))))));
        }
        StringBuilder sliders = new StringBuilder();
        for (int j = 0; j < variables.length; j++) {
            sliders.append(SLIDER.fill(Map.of(
                    "variable",
                    variables[j],
                    "last",
                    values.length - 1,
                    "start",
                    start[j],
                    "handler",
                    escape(ON_INPUT),
                    "value",
                    String.format(Locale.ROOT, "%.2f", values[start[j]]))));
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("id", "lm-explorer-" + UUID.randomUUID());
        page.put("steps", values.length);
        page.put("values", escape(json(values)));
        page.put("variables", escape(json(variables)));
        page.put("code", escape(json(code)));
        page.put("model", escape(labels.get(0)));
        page.put("title", escape(title));
        page.put("original", originalFigure);
        page.put("views", views);
        page.put("sliders", sliders);
        page.put("from", String.format(Locale.ROOT, "%.2f", values[0]));
        page.put("to", String.format(Locale.ROOT, "%.2f", values[values.length - 1]));
        return PAGE.fill(page).stripTrailing();
    }

    private static String json(Object value) {
        return GSON.toJson(value);
    }
}
