package org.latentmap.relocation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentmap.testing.HandModels.images;
import static org.latentmap.testing.HandModels.scaling;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentmap.data.ImageSet;
import org.latentmap.metrics.Baselines;
import org.latentmap.model.LatentModel;
import org.latentmap.studies.Table2;
import org.latentmap.support.SupportSet;
import org.latentmap.zoo.ModelFamily;
import org.latentmap.zoo.TrainedModel;

class RelocationsTest {
    @Test
    void aLinearlyRelatedPairOfSpacesRelocatesWithoutError() {
        TrainedModel source = scaling("source", ModelFamily.VAE, 1, 1);
        TrainedModel target = scaling("target", ModelFamily.SPLIT_VAE, 2, -1);
        Relocations relocations = Relocations.on(images(40, 1), images(20, 2)).batches(5);
        Relocation r = relocations.relocate(
                source, target, MapFit.leastSquares(), FitPoints.supportSet(SupportSet.of(0, 3, 9)));
        assertArrayEquals(new double[] {2, 0}, r.linearMap().weights()[0], 1e-5);
        assertArrayEquals(new double[] {0, -1}, r.linearMap().weights()[1], 1e-5);
        assertEquals(4, r.lMse().length, "20 test images in batches of 5");
        assertEquals(0, r.lMseMean(), 1e-10);
        assertEquals(0, r.mMseMean(), 1e-10);
        assertEquals(0, r.rMseMean(), 1e-10);
        assertEquals("support set (3)", r.fittedOn());
    }

    @Test
    void theMetricsAreTheErrorsOfAKnownWrongMap() {
        TrainedModel source = scaling("source", ModelFamily.VAE, 1, 1);
        TrainedModel target = scaling("target", ModelFamily.VAE, 1, 1);
        ImageSet test = new ImageSet(new float[] {1, 0, 0, 1}, 2, 1, 1, 2, null, null);
        // the map doubles the first variable: codes (2, 0) and (0, 1); errors (1 + 0) / 2 and 0
        LinearMap doubling = LinearMap.of(new double[][] {{2, 0}, {0, 1}}, null);
        Relocation r = Relocations.on(test, test).batches(1).measure(source, target, doubling, "given", "hand");
        assertArrayEquals(new double[] {0.5, 0}, r.lMse(), 1e-7);
        assertArrayEquals(new double[] {0.5, 0}, r.mMse(), 1e-7);
        assertArrayEquals(new double[] {0, 0}, r.targetRMse(), 1e-7);
    }

    @Test
    void allDataFitsUseEveryTrainingImageAndWrongPointsAreRefused() {
        TrainedModel source = scaling("source", ModelFamily.VAE, 1, 1);
        TrainedModel target = scaling("target", ModelFamily.GAN, 3, 1);
        ImageSet train = images(30, 4);
        Relocations relocations = Relocations.on(train, images(10, 5));
        Relocation r = relocations.relocate(source, target, MapFit.affine(), FitPoints.allOf(train));
        assertEquals("all data (30)", r.fittedOn());
        assertArrayEquals(new double[] {0, 0}, r.linearMap().bias(), 1e-5);
        var error = assertThrows(
                IllegalArgumentException.class,
                () -> relocations.relocate(
                        source, target, MapFit.leastSquares(), FitPoints.supportSet(SupportSet.of(1, 99))));
        assertTrue(
                error.getMessage().contains("fitting point 99 is outside the 30 training images"), error.getMessage());
    }

    @Test
    void table2SummarisesPairsAndWritesCsv(@TempDir Path folder) throws Exception {
        TrainedModel a = scaling("VAE 1", ModelFamily.VAE, 1, 1);
        TrainedModel b = scaling("VAE 2", ModelFamily.VAE, 1, 1);
        LinearMap identity = LinearMap.of(new double[][] {{1, 0}, {0, 1}}, null);
        Relocation first = new Relocation(
                a,
                b,
                identity,
                "least squares",
                "support set (150)",
                new double[] {0.1, 0.3},
                new double[] {0.01},
                new double[] {0.02},
                new double[] {0.01});
        Relocation second = new Relocation(
                b,
                a,
                identity,
                "least squares",
                "support set (150)",
                new double[] {0.4},
                new double[] {0.03},
                new double[] {0.04},
                new double[] {0.03});
        var rows = Table2.of(List.of(first, second)).table();
        assertEquals(2, rows.rowCount());
        assertEquals("0.2000 ± 0.1414", rows.stringColumn("L-MSE").get(0), "mean ± sd over the test batches");
        var summary = Table2.summary(List.of(first, second));
        assertEquals(1, summary.table().rowCount());
        assertEquals(2, summary.table().intColumn("pairs").get(0));
        // per-pair means 0.2 and 0.4: mean 0.3, sd 0.1414
        assertEquals("0.3000 ± 0.1414", summary.table().stringColumn("L-MSE").get(0));
        assertEquals("VAE", summary.table().stringColumn("source").get(0));
        Path csv = summary.writeCsv(folder.resolve("out/table2.csv"));
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).startsWith("source,target,fitted on,fit,pairs,L-MSE mean,L-MSE sd"), lines.get(0));
        assertTrue(lines.get(1).startsWith("VAE,VAE,support set (150),least squares,2,0.3"), lines.get(1));
    }

    @Test
    void table2GathersThePartsTheNotebooksWrote(@TempDir Path folder) throws Exception {
        TrainedModel a = scaling("VAE 1", ModelFamily.VAE, 1, 1);
        TrainedModel b = scaling("GAN 1", ModelFamily.GAN, 1, 1);
        LinearMap identity = LinearMap.of(new double[][] {{1, 0}, {0, 1}}, null);
        Relocation type1 = new Relocation(
                a,
                a,
                identity,
                "ridge, validated",
                "all data (30)",
                new double[] {0.1},
                new double[] {0.01},
                new double[] {0.02},
                new double[] {0.01});
        Relocation type3 = new Relocation(
                b,
                a,
                identity,
                "ridge, validated",
                "support set (5)",
                new double[] {0.5},
                new double[] {0.05},
                new double[] {0.06},
                new double[] {0.01});
        var error = assertThrows(IllegalArgumentException.class, () -> Table2.gather(folder));
        assertEquals(
                "no table2-*.csv in " + folder + ": run the relocation notebooks (04-06) first", error.getMessage());
        Table2.summary(List.of(type3)).writeCsv(folder.resolve("table2-type3.csv"));
        Table2.summary(List.of(type1)).writeCsv(folder.resolve("table2-type1.csv"));
        Files.writeString(folder.resolve("notes.csv"), "not,a,table\n");
        var table = Table2.gather(folder).table();
        assertEquals(2, table.rowCount());
        assertEquals(List.of("VAE", "GAN"), table.stringColumn("source").asList(), "in file-name order");
        assertEquals("0.0600 ± 0.0000", table.stringColumn("M-MSE").get(1));
        assertTrue(table.name().endsWith("from table2-type1.csv, table2-type3.csv)"), table.name());
        Files.writeString(folder.resolve("table2-broken.csv"), "a,b\n1,2\n");
        var broken = assertThrows(IllegalArgumentException.class, () -> Table2.gather(folder));
        assertTrue(
                broken.getMessage().contains("table2-broken.csv is not a Table 2 written by Table2.writeCsv"),
                broken.getMessage());
    }

    @Test
    void table2KeepsEveryRowWithItsBaselines(@TempDir Path folder) {
        TrainedModel a = scaling("VAE 1", ModelFamily.VAE, 1, 1);
        LinearMap identity = LinearMap.of(new double[][] {{1, 0}, {0, 1}}, null);
        Relocation good = new Relocation(
                a,
                a,
                identity,
                "ridge, validated",
                "all data (30)",
                new double[] {0.1},
                new double[] {0.01},
                new double[] {0.1},
                new double[] {0.01});
        Relocation poor = new Relocation(
                a,
                a,
                identity,
                "least squares",
                "all data (30)",
                new double[] {0.5},
                new double[] {0.05},
                new double[] {0.25},
                new double[] {0.01});
        var baselines = new Baselines(100, 0.3, 0.2, 0.5, 0.05);
        var table = Table2.summary(List.of(good, poor)).withBaselines(baselines);
        var numbers = table.numbers();
        assertEquals(
                List.of("class mean", "mean image"),
                numbers.stringColumn(Table2.BEATS).asList());
        assertEquals(
                0.05, numbers.doubleColumn("baseline: nearest training image").get(1), 0);
        assertEquals(
                List.of("class mean", "mean image"),
                table.table().stringColumn(Table2.BEATS).asList(),
                "shown too");
        table.writeCsv(folder.resolve("table2-type1.csv"));
        var gathered = Table2.gather(folder).numbers();
        assertEquals(numbers.columnNames(), gathered.columnNames(), "read back with its baselines");
        assertEquals(0.2, gathered.doubleColumn("baseline: class mean").get(0), 0);
    }

    @Test
    void aGeneratorsSamplesFitTheMapBetweenItsPriorAndAnotherSpace() {
        // the generator decodes z to the image z / (2, 4); the other model codes an image as (3 x0, -1 x1):
        // the other's code of a sample is (1.5 z0, -0.25 z1), a linear map both ways
        LatentModel generator = scaling("G", ModelFamily.GAN, 2, 4).model();
        LatentModel other = scaling("O", ModelFamily.VAE, 3, -1).model();
        var both = SampledRelocation.bothWays(generator, other, MapFit.leastSquares(), 50, 20, 3);
        assertEquals("G", both.get(0).source());
        assertEquals("O", both.get(0).target());
        assertArrayEquals(new double[] {1.5, 0}, both.get(0).map().weights()[0], 1e-5);
        assertArrayEquals(new double[] {0, -0.25}, both.get(0).map().weights()[1], 1e-5);
        assertArrayEquals(new double[] {1 / 1.5, 0}, both.get(1).map().weights()[0], 1e-4);
        for (var r : both) {
            assertEquals(20, r.latentErrors().length);
            assertEquals(0, r.latentError(), 1e-9);
            assertEquals(0, r.imageError(), 1e-9);
            assertEquals(50, r.fitSamples());
        }
        var table = SampledRelocation.summary(both);
        assertEquals(List.of("G -> O", "O -> G"), table.stringColumn("map").asList());
        assertEquals(
                List.of("map", "pairs", "latent MSE mean", "latent MSE sd", "image MSE mean", "image MSE sd"),
                table.columnNames());
        assertEquals(0, table.doubleColumn("image MSE mean").get(0), 1e-9);
        assertEquals(0, table.doubleColumn("image MSE sd").get(0), 1e-9);
        var error = assertThrows(
                IllegalArgumentException.class,
                () -> SampledRelocation.bothWays(generator, other, MapFit.leastSquares(), 0, 20, 3));
        assertEquals("a sampled relocation needs fit and test samples; got 0 and 20", error.getMessage());
    }

    @Test
    void theSampleFiguresOfLinearlyRelatedSpacesRedrawTheSamples() {
        LatentModel generator = scaling("G", ModelFamily.GAN, 2, 4).model();
        LatentModel other = scaling("O", ModelFamily.VAE, 3, -1).model();
        var both = SampledRelocation.bothWays(generator, other, MapFit.leastSquares(), 50, 20, 3);
        var figures = SampleFigures.of(generator, other, both, 6, 9);
        assertEquals(List.of("G(w)", "O reconstruction", "O(map(w))", "G(map(z))"), figures.labels());
        assertEquals(6, figures.samples().size());
        for (int i = 0; i < 6; i++) {
            // both models draw exactly, so every row is the sample itself
            assertArrayEquals(
                    figures.samples().image(i), figures.reconstructions().image(i), 1e-5f);
            assertArrayEquals(figures.samples().image(i), figures.intoOther().image(i), 1e-4f);
            assertArrayEquals(
                    figures.samples().image(i), figures.backIntoGenerator().image(i), 1e-4f);
        }
        var reversed =
                assertThrows(IllegalArgumentException.class, () -> SampleFigures.of(other, generator, both, 6, 9));
        assertEquals(
                "the figures need the two maps of SampledRelocation.bothWays between O and G, in that order; "
                        + "got [G -> O, O -> G]",
                reversed.getMessage());
    }
}
