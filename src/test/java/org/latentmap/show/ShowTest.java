package org.latentmap.show;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jetbrains.kotlinx.jupyter.api.DisplayResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentmap.data.ImageSet;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class ShowTest {
    @TempDir
    Path dir;

    /** Three grey 4x4 images: image i is uniformly i / 2 (black, grey, white). */
    private static ImageSet threeImages() {
        float[] pixels = new float[3 * 16];
        for (int i = 0; i < 3; i++) {
            for (int p = 0; p < 16; p++) {
                pixels[i * 16 + p] = i / 2f;
            }
        }
        return new ImageSet(pixels, 3, 1, 4, 4, new int[] {0, 1, 0}, List.of("a", "b"));
    }

    private static BufferedImage decode(Rich rich) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(
                Base64.getDecoder().decode(rich.bundle().get(Rich.PNG))));
    }

    @Test
    void gridLaysImagesOutInRowsWithTwoPixelGaps() throws IOException {
        ImageGrid grid = ImageGrid.of(threeImages(), 2, 1);
        BufferedImage png = decode(grid);
        assertEquals(2 + 2 * (4 + 2), png.getWidth());
        assertEquals(2 + 2 * (4 + 2), png.getHeight());
        assertEquals(0x000000, png.getRGB(2, 2) & 0xffffff, "image 0 is black, top left");
        assertEquals(0x808080, png.getRGB(2 + 6, 2) & 0xffffff, "image 1 is grey (0.5 -> 128), top right");
        assertEquals(0xffffff, png.getRGB(2, 2 + 6) & 0xffffff, "image 2 is white, second row");
        assertEquals("ImageGrid[3 images in 2 rows]", grid.bundle().get(Rich.TEXT));
    }

    @Test
    void scaledGridWithRowLabelsLeavesRoomForTheLabels() throws IOException {
        ImageSet images = threeImages();
        ImageGrid grid = ImageGrid.rows(List.of("originals", "copies"), List.of(images, images), 3);
        BufferedImage png = decode(grid);
        assertTrue(png.getWidth() > 2 + 3 * (12 + 2), "a label column precedes the images");
        assertEquals(2 + 2 * (12 + 2), png.getHeight());
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.rows(List.of("one"), List.of(images, images), 1));
    }

    @Test
    void perClassGridHasOneRowPerClass() throws IOException {
        BufferedImage png = decode(Show.perClass(threeImages(), 5));
        assertEquals(2 + 2 * (8 + 2), png.getHeight(), "two classes, images drawn at twice their size");
    }

    @Test
    void imagesWithoutLabelsShowRowsAndSayTheyHaveNoClasses() throws IOException {
        float[] pixels = new float[13 * 16];
        ImageSet unlabelled = new ImageSet(pixels, 13, 1, 4, 4, null, null);
        BufferedImage png = decode(Show.examples(unlabelled, 2));
        assertEquals(2 + 6 * (8 + 2), png.getHeight(), "the first six rows of two");
        assertEquals(
                "No classes to count: these images have no labels.",
                Show.classCounts("per class", unlabelled).bundle().get(Rich.TEXT));
        assertTrue(Show.classes("t", java.util.Map.of("train", unlabelled))
                .bundle()
                .get(Rich.HTML)
                .contains("no labels"));
        assertTrue(Show.classCounts("per class", threeImages()).bundle().containsKey(Rich.PNG), "labelled: bars");
    }

    @Test
    void emptySetCannotBeShown() {
        ImageSet empty = new ImageSet(new float[0], 0, 1, 4, 4, null, null);
        assertThrows(IllegalArgumentException.class, () -> Show.grid(empty));
    }

    @Test
    void tableRendersAsEscapedHtmlWithItsNameAsCaption() {
        Table table = Table.create(
                "Errors <by model>",
                StringColumn.create("model", List.of("VAE", "GAN & re-coder")),
                DoubleColumn.create("R-MSE", new double[] {0.0125, 0.031}));
        Map<String, String> bundle = Show.table(table).bundle();
        String html = bundle.get(Rich.HTML);
        assertTrue(html.contains("<caption>Errors &lt;by model&gt;</caption>"), html);
        assertTrue(html.contains("<th>model</th><th>R-MSE</th>"), html);
        assertTrue(html.contains("<td>GAN &amp; re-coder</td>"), html);
        assertTrue(bundle.get(Rich.TEXT).contains("VAE"));
    }

    @Test
    void barChartIsAPngOfTheChartSize() throws IOException {
        Picture chart = Show.bars("counts", List.of("a", "b", "c"), new int[] {1, 2, 3});
        BufferedImage png = decode(chart);
        assertEquals(720, png.getWidth());
        assertEquals(360, png.getHeight());
        assertThrows(IllegalArgumentException.class, () -> Show.bars("x", List.of("a"), new double[] {1, 2}));
    }

    @Test
    void rendersThroughTheJupyterBaseLibraryAsIJavaWould() {
        DisplayData data = new Renderer().render(Show.grid(threeImages()));
        assertTrue(data.hasDataForType(MIMEType.IMAGE_PNG));
        assertTrue(data.hasDataForType(MIMEType.TEXT_PLAIN));
        DisplayData html = new Renderer().render(Show.table(Table.create("t", StringColumn.create("c", List.of("x")))));
        assertTrue(html.hasDataForType(MIMEType.TEXT_HTML));
    }

    @Test
    void rendersForTheKotlinKernel() {
        DisplayResult result = Show.grid(threeImages()).render((org.jetbrains.kotlinx.jupyter.api.Notebook) null);
        String json = org.jetbrains.kotlinx.jupyter.api.ResultsKt.toJson(result).toString();
        assertTrue(json.contains("image/png"), json);
    }

    @Test
    void savesPicturesAsPngAndTablesAsHtml() throws IOException {
        Path png = Show.grid(threeImages()).save(dir.resolve("grid.png"));
        assertFalse(ImageIO.read(png.toFile()) == null);
        Path html = Show.table(Table.create("t", StringColumn.create("c", List.of("x"))))
                .save(dir.resolve("t.html"));
        assertTrue(Files.readString(html).contains("<table"));
    }

    @Test
    void heatMapColoursEachCellByItsValueAndLabelsEveryRow() {
        var picture = Show.heatmap(
                "similarity", List.of("A", "B", "C"), new double[][] {{1, 0, 0.5}, {0, 1, 0.5}, {0.5, 0.5, 1}}, 0, 1);
        BufferedImage image = picture.image();
        assertTrue(image.getWidth() > 3 * 42 && image.getHeight() > 3 * 42);
        // cell (0, 1) holds 0: white at its corner; cell (0, 0) holds 1: dark blue
        int cell = 42;
        int left = image.getWidth() - 20 - 3 * cell;
        int top = image.getHeight() - 10 - 3 * cell;
        assertEquals(0xFFFFFF, image.getRGB(left + cell + 3, top + 3) & 0xFFFFFF);
        assertEquals(0x193782, image.getRGB(left + 3, top + 3) & 0xFFFFFF);
        var error = assertThrows(
                IllegalArgumentException.class,
                () -> Show.heatmap("x", List.of("A"), new double[][] {{1, 0}, {0, 1}}, 0, 1));
        assertEquals("1 names for a matrix of 2 rows", error.getMessage());
    }
}
