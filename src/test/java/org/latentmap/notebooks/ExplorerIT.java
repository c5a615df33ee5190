package org.latentmap.notebooks;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.latentmap.data.ImageSet;
import org.latentmap.model.LatentModel;
import org.latentmap.show.Explorer;

/**
 * The explorer in headless Chromium, on a page the library saved: moving a slider changes the image to the
 * model's decoding of the code at that position. (The exported page of notebook 02 is checked the same way by
 * {@link NotebooksIT}, after the notebook runs.)
 */
class ExplorerIT {
    static final Path OUT = Path.of("").toAbsolutePath().resolve("target/explorer-check");

    /** A 3-variable model drawing 4x4 images: pixel (y, x) = sigmoid(z0 * (x - 1.5) + z1 * (y - 1.5) + z2). */
    static final LatentModel RAMPS = new LatentModel() {
        public String name() {
            return "ramps";
        }

        public int latentSize() {
            return 3;
        }

        public NDArray encode(NDArray images) {
            return images.getManager().zeros(new Shape(images.getShape().get(0), 3));
        }

        public NDArray decode(NDArray codes) {
            float[] z = codes.toFloatArray();
            int n = (int) codes.getShape().get(0);
            float[] pixels = new float[n * 16];
            for (int i = 0; i < n; i++) {
                for (int y = 0; y < 4; y++) {
                    for (int x = 0; x < 4; x++) {
                        double t = z[3 * i] * (x - 1.5) + z[3 * i + 1] * (y - 1.5) + z[3 * i + 2];
                        pixels[i * 16 + y * 4 + x] = (float) (1 / (1 + Math.exp(-t)));
                    }
                }
            }
            return codes.getManager().create(pixels, new Shape(n, 1, 4, 4));
        }
    };

    @Test
    void movingASliderShowsTheModelsDecodingOfThatPosition() throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        assumeTrue(
                Files.isExecutable(chromium),
                "Debian's chromium is not installed (environment/setup.sh installs it unless SKIP_BROWSER=1)");
        Files.createDirectories(OUT);
        ImageSet image = new ImageSet(new float[16], 1, 1, 4, 4, null, null);
        Explorer explorer = Explorer.of(RAMPS, new float[] {0.3f, -0.2f, 0.1f}, 0, 1, 2)
                .steps(7)
                .range(3)
                .original(image)
                .build();
        Path page = explorer.save(OUT.resolve("explorer.html"));
        try (DevTools browser = DevTools.start(
                chromium, Files.createTempDirectory(OUT, "chromium-profile-"), OUT.resolve("chromium.log"))) {
            browser.send("Page.navigate", Map.of("url", page.toUri().toString()));
            browser.waitUntil(
                    "document.readyState === 'complete' && !!document.querySelector('.lm-explorer img.lm-view')",
                    30,
                    "the explorer page");
            for (int slider = 0; slider < 3; slider++) {
                ExplorerPage.movingASliderShowsTheModelsDecoding(browser, RAMPS, slider);
            }
            String shot = browser.send("Page.captureScreenshot", Map.of("format", "png"))
                    .get("data")
                    .getAsString();
            Files.write(OUT.resolve("explorer.png"), Base64.getDecoder().decode(shot));
        }
    }
}
