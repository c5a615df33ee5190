package org.latentmap.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.latentmap.data.ImageSet;
import org.latentmap.model.LatentModel;
import org.latentmap.model.Sampling;
import org.latentmap.show.Explorer;

/**
 * The browser check of an explorer on a page (a saved explorer, an exported notebook, the served notebook): move
 * a slider as a person would (set its value, fire its input event) and check that the image shown changes to
 * the model's own decoding of the code at the new slider positions, decoded here, independently of the page.
 */
final class ExplorerPage {
    private ExplorerPage() {}

    /** Moves the first explorer's {@code slider} on the page to another position and checks what its first view shows. */
    static void movingASliderShowsTheModelsDecoding(DevTools page, LatentModel model, int slider) throws Exception {
        String root = "document.querySelector('.lm-explorer')";
        JsonObject state = page.evaluate("(() => { const r = " + root + "; if (!r) return null;"
                        + " return {steps: +r.dataset.steps, values: JSON.parse(r.dataset.values), variables: JSON.parse(r.dataset.variables),"
                        + " code: JSON.parse(r.dataset.code), model: r.dataset.model,"
                        + " positions: [...r.querySelectorAll('input.lm-slider')].map(s => +s.value),"
                        + " src: r.querySelector('img.lm-view').src}; })()")
                .getAsJsonObject();
        assertEquals(
                model.name(), state.get("model").getAsString(), "the explorer shows the model the check decodes with");
        int steps = state.get("steps").getAsInt();
        JsonArray positionsJson = state.getAsJsonArray("positions");
        int[] positions = new int[positionsJson.size()];
        for (int j = 0; j < positions.length; j++) {
            positions[j] = positionsJson.get(j).getAsInt();
        }
        int moved = positions[slider] == steps - 1 ? 0 : steps - 1;
        positions[slider] = moved;
        JsonObject after = page.evaluate(
                        "(() => { const r = " + root + "; const s = r.querySelectorAll('input.lm-slider')[" + slider
                                + "];"
                                + " s.value = " + moved + "; s.dispatchEvent(new Event('input', {bubbles: true}));"
                                + " const img = r.querySelector('img.lm-view');"
                                + " return {src: img.src, frame: +img.dataset.frame, shown: s.parentNode.querySelector('output').textContent}; })()")
                .getAsJsonObject();
        String before = state.get("src").getAsString();
        String now = after.get("src").getAsString();
        assertNotEquals(before, now, "moving the slider changed the image");

        float[] base = floats(state.getAsJsonArray("code"));
        int[] variables = ints(state.getAsJsonArray("variables"));
        double[] values = doubles(state.getAsJsonArray("values"));
        float[] code = Explorer.codeAt(base, variables, values, positions);
        ImageSet expected;
        try (NDManager manager = NDManager.newBaseManager()) {
            expected = Sampling.decoded(model, manager.create(code, new Shape(1, code.length)));
        }
        BufferedImage shown =
                ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(now.substring(now.indexOf(',') + 1))));
        assertEquals(expected.width(), shown.getWidth());
        assertEquals(expected.height(), shown.getHeight());
        int worst = 0;
        for (int y = 0; y < shown.getHeight(); y++) {
            for (int x = 0; x < shown.getWidth(); x++) {
                int want = Math.max(0, Math.min(255, Math.round(expected.pixel(0, 0, y, x) * 255f)));
                worst = Math.max(worst, Math.abs(want - ((shown.getRGB(x, y) >> 16) & 0xff)));
            }
        }
        // one grey level allows for float rounding between two processes' decodings of the same code
        assertTrue(
                worst <= 1,
                "the frame shown is the model's decoding of the code at the slider positions: worst grey difference "
                        + worst);
        assertEquals(
                String.format(Locale.ROOT, "%.2f", values[moved]),
                after.get("shown").getAsString(),
                "the slider's value is shown");
    }

    private static float[] floats(JsonArray array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).getAsFloat();
        }
        return out;
    }

    private static double[] doubles(JsonArray array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).getAsDouble();
        }
        return out;
    }

    private static int[] ints(JsonArray array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).getAsInt();
        }
        return out;
    }
}
