package org.latentmap.show;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.latentmap.data.ImageSet;
import org.latentmap.exercises.MapByHand;
import org.latentmap.relocation.LinearMap;
import org.latentmap.relocation.Relocation;
import org.latentmap.relocation.Relocations;
import org.latentmap.testing.HandModels;
import org.latentmap.zoo.ModelFamily;
import org.latentmap.zoo.TrainedModel;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Every public display type rendered the way each Java kernel renders a cell's value: through IJava's base
 * library (IJava 1.3 and latentmap's kernel) and through JJava's, with latentmap's JJava extension installed.
 * Both must carry the same MIME bundle.
 */
class KernelDisplaysTest {
    private static final Gson GSON = new Gson();

    /** One of each display type, on hand-made data. */
    static Map<String, Object> everyDisplay() {
        ImageSet images = HandModels.images(6, 1);
        TrainedModel source = HandModels.scaling("source", ModelFamily.VAE, 1, 2);
        TrainedModel target = HandModels.scaling("target", ModelFamily.VAE, 2, 1);
        LinearMap swap = LinearMap.of(new double[][] {{0, 1}, {1, 0}}, null);
        Relocation relocation =
                Relocations.on(images, images).batches(1).measure(source, target, swap, "given", "hand");
        Table table = Table.create(
                "errors",
                StringColumn.create("model", List.of("a", "b")),
                DoubleColumn.create("mse", new double[] {0.5, 0.25}));
        Map<String, Object> displays = new LinkedHashMap<>();
        displays.put("image grid", Show.grid(images));
        displays.put("chart", Show.bars("counts", List.of("a", "b"), new double[] {1, 2}));
        displays.put("table", Show.table(table));
        displays.put("relocation figure", Show.relocation(relocation, images));
        displays.put(
                "heat map", Show.heatmap("similarity", List.of("a", "b"), new double[][] {{1, 0.5}, {0.5, 1}}, 0, 1));
        displays.put(
                "verdict",
                MapByHand.check(
                        new double[][] {{1, 0}, {0, 1}}, new float[][] {{1, 0}, {0, 1}}, new float[][] {{2, 0}, {0, 2}
                        }));
        displays.put("explorer", Show.explorer(relocation, images.select(0), 0, 1));
        return displays;
    }

    private static JsonObject ijava(Object value) {
        var renderer = new io.github.spencerpark.jupyter.kernel.display.Renderer();
        return GSON.toJsonTree(renderer.render(value)).getAsJsonObject().getAsJsonObject("data");
    }

    private static JsonObject jjava(Object value) {
        var renderer = new org.dflib.jjava.jupyter.kernel.display.Renderer();
        JJavaDisplays.register(renderer);
        return GSON.toJsonTree(renderer.render(value)).getAsJsonObject().getAsJsonObject("data");
    }

    @Test
    void everyDisplayRendersTheSameBundleInIJavaAndJJava() {
        for (Map.Entry<String, Object> display : everyDisplay().entrySet()) {
            JsonObject ijava = ijava(display.getValue());
            JsonObject jjava = jjava(display.getValue());
            assertTrue(
                    ijava.has("image/png") || ijava.has("text/html"),
                    display.getKey() + " renders richly: " + ijava.keySet());
            assertEquals(ijava, jjava, display.getKey() + ": the same MIME bundle in both kernels");
            assertEquals(
                    ((Rich) display.getValue()).bundle().keySet(),
                    ijava.keySet(),
                    display.getKey() + ": its whole bundle");
        }
    }

    @Test
    void withoutTheExtensionJJavaShowsOnlyText() {
        JsonObject bare = GSON.toJsonTree(new org.dflib.jjava.jupyter.kernel.display.Renderer()
                        .render(Show.grid(HandModels.images(2, 1))))
                .getAsJsonObject()
                .getAsJsonObject("data");
        assertEquals(List.of("text/plain"), List.copyOf(bare.keySet()), "what a JJava user saw before the extension");
    }

    @Test
    void theExtensionIsListedForJJavasServiceLoader() throws Exception {
        Path services = Path.of("src/main/resources/META-INF/services/org.dflib.jjava.jupyter.Extension");
        assertEquals(JJavaDisplays.class.getName(), Files.readString(services).strip());
        assertTrue(org.dflib.jjava.jupyter.Extension.class.isAssignableFrom(JJavaDisplays.class));
    }
}
