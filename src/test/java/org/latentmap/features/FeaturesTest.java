package org.latentmap.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentmap.data.ImageSet;
import org.latentmap.linalg.CodeMatrix;
import org.latentmap.model.LatentModel;
import org.latentmap.support.PairwiseError;
import org.latentmap.support.SectorReading;
import org.latentmap.support.Sectors;
import org.latentmap.support.SupportSet;

class FeaturesTest {

    /** Codes (x0, x1, 0) for two-pixel images, decoded as (z0, z1): variable 2 is ignored. */
    private static final LatentModel COPY = new LatentModel() {
        public String name() {
            return "copy";
        }

        public int latentSize() {
            return 3;
        }

        public NDArray encode(NDArray images) {
            long n = images.getShape().get(0);
            return images.reshape(n, 2).concat(images.getManager().zeros(new Shape(n, 1)), 1);
        }

        public NDArray decode(NDArray codes) {
            long n = codes.getShape().get(0);
            return codes.get(":, 0:2").reshape(n, 1, 1, 2);
        }
    };

    @Test
    void theGainOfAVariableIsTheErrorItsRemovalAdds() {
        ImageSet images = new ImageSet(new float[] {1, 2, 3, 0}, 2, 1, 1, 2, null, null);
        ReconstructionGain gain = ReconstructionGain.of(COPY, images);
        // zeroing z0 costs mean(1^2, 3^2) / 2 pixels = 2.5; zeroing z1: mean(2^2, 0) / 2 = 1; z2: nothing
        assertArrayEquals(new double[] {2.5, 1, 0}, gain.gains(), 1e-6);
        assertEquals(0, gain.intactError(), 1e-9);
        assertArrayEquals(new int[] {0, 1, 2}, gain.order());
        assertArrayEquals(new int[] {0, 1}, gain.top(2));
        assertArrayEquals(new double[] {2.5 / 3.5, 1, 1}, gain.cumulativeShare(), 1e-6);
    }

    @Test
    void theGainRefusesEmptyData() {
        ImageSet none = new ImageSet(new float[0], 0, 1, 1, 2, null, null);
        var error = assertThrows(IllegalArgumentException.class, () -> ReconstructionGain.of(COPY, none));
        assertTrue(error.getMessage().contains("empty"), error.getMessage());
    }

    private static final CodeMatrix CODES = CodeMatrix.ofRows(new float[][] {
        {0.5f, 9, 1}, // var 2 > 0 (bit 0), var 0 > 0 (bit 1), |(1, 0.5)| > 1: sector 3
        {-2, 0, 0.1f}, // bit 0 set, var 0 < 0: sector 1
        {0.1f, 0, 0.1f}, // within the threshold: none
        {1, 0, 0}, // on an axis: none
        {3, 0, 2}, // sector 3
    });

    @Test
    void codesFallInTheSectorOfTheirSignsWhenFarEnoughFromTheOrigin() {
        Sectors sectors = Sectors.of(CODES, new int[] {2, 0}, 1.0, SectorReading.DISTANCE_FROM_ORIGIN);
        assertEquals(4, sectors.count());
        assertArrayEquals(new int[] {3, 1, -1, -1, 3}, new int[] {
            sectors.sectorOf(0), sectors.sectorOf(1), sectors.sectorOf(2), sectors.sectorOf(3), sectors.sectorOf(4)
        });
        assertArrayEquals(new int[] {0, 1, 0, 2}, sectors.occupancy());
        assertArrayEquals(new int[] {0, 4}, sectors.inhabitants(3));
        assertEquals("+-", sectors.direction(1));
        assertEquals(2, sectors.nonEmpty());
    }

    @Test
    void theSupportSetTakesOnePerSectorThenFillsFromTheFullestAndIsSeeded() {
        Sectors sectors = Sectors.of(CODES, new int[] {2, 0}, 1.0, SectorReading.DISTANCE_FROM_ORIGIN);
        SupportSet set = SupportSet.select(sectors, 4, 7);
        assertEquals(1, set.indices()[0], "one per non-empty sector in sector order: sector 1's only inhabitant first");
        assertTrue(set.indices()[1] == 0 || set.indices()[1] == 4, "then one of sector 3");
        assertArrayEquals(
                new int[] {0, 1, 4},
                Arrays.stream(set.indices()).sorted().toArray(),
                "then filled from the fullest sector until the sectors run out (3 of the 4 asked)");
        assertArrayEquals(set.indices(), SupportSet.select(sectors, 4, 7).indices(), "same seed, same set");
        boolean differs = false;
        for (long seed = 0; seed < 20 && !differs; seed++) {
            differs = SupportSet.select(sectors, 4, seed).indices()[1] != set.indices()[1];
        }
        assertTrue(differs, "another seed can pick another inhabitant");
    }

    @Test
    void aPointNearZeroOnAllButOneVariableIsInASectorOnlyUnderTheTextsReading() {
        // seven variables, th 1: the distance from the origin is 3 (beyond th), but six coordinates are 0.01
        float[] code = {3, 0.01f, -0.01f, 0.01f, 0.01f, -0.01f, 0.01f};
        int[] variables = {0, 1, 2, 3, 4, 5, 6};
        // signs + + - + + - +: bits 0, 1, 3, 4 and 6 set
        int expected = 1 | 2 | 8 | 16 | 64;
        assertEquals(expected, Sectors.sector(code, variables, 1, SectorReading.DISTANCE_FROM_ORIGIN));
        assertEquals(-1, Sectors.sector(code, variables, 1, SectorReading.EVERY_COORDINATE));
        // every coordinate beyond th: in the same sector under both readings
        float[] far = {3, 1.5f, -1.5f, 1.5f, 1.5f, -1.5f, 1.5f};
        assertEquals(expected, Sectors.sector(far, variables, 1, SectorReading.EVERY_COORDINATE));
        assertEquals(expected, Sectors.sector(far, variables, 1, SectorReading.DISTANCE_FROM_ORIGIN));
        // under Fig. 7's reading two sectors' points differ by more than 2 th on the coordinate whose sign differs
        Sectors sectors =
                Sectors.of(CodeMatrix.ofRows(new float[][] {code, far}), variables, 1, SectorReading.EVERY_COORDINATE);
        assertEquals(SectorReading.EVERY_COORDINATE, sectors.reading());
        assertEquals(1, sectors.nonEmpty());
    }

    @Test
    void tooManyVariablesForTheSizeOrNoInhabitantsAreRefused() {
        Sectors eight = Sectors.of(
                CodeMatrix.ofRows(new float[][] {{1, 1, 1, 1, 1, 1, 1, 1}}),
                new int[] {0, 1, 2, 3, 4, 5, 6, 7},
                0,
                SectorReading.DISTANCE_FROM_ORIGIN);
        var error = assertThrows(IllegalArgumentException.class, () -> SupportSet.select(eight, 128, 1));
        assertEquals(
                "8 variables make 256 sectors, more than a support set of 128 can sample:"
                        + " use at most 7 variables (log2 of the size)",
                error.getMessage());
        Sectors far = Sectors.of(CODES, new int[] {2, 0}, 100, SectorReading.DISTANCE_FROM_ORIGIN);
        var empty = assertThrows(IllegalArgumentException.class, () -> SupportSet.select(far, 4, 1));
        assertTrue(empty.getMessage().contains("no data point lies in any sector"), empty.getMessage());
    }

    @Test
    void aSavedSupportSetReadsBack(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("support.txt");
        SupportSet.of(5, 3, 9).save(file, "test set\nseed 1");
        assertArrayEquals(new int[] {5, 3, 9}, SupportSet.load(file).indices());
        assertTrue(Files.readString(file).startsWith("# test set\n# seed 1\n5\n"));
    }

    @Test
    void pairwiseErrorsAverageOverPairs() {
        // three one-pixel images 0, 1, 3: pairs (0,1) 1, (0,3) 9, (1,3) 4 -> mean 14 / 3
        ImageSet images = new ImageSet(new float[] {0, 1, 3}, 3, 1, 1, 1, null, null);
        assertEquals(14.0 / 3, PairwiseError.withinSet(images), 1e-12);
        ImageSet two = new ImageSet(new float[] {0, 2}, 2, 1, 1, 1, null, null);
        assertEquals(4, PairwiseError.randomPairs(two, 10, 3), 1e-12, "the only pair of distinct images");
        assertThrows(IllegalArgumentException.class, () -> PairwiseError.withinSet(two.head(1)));
    }

    @Test
    void aTraversalSweepsOneVariableAndCodesComeBackPerImage() {
        ImageSet images = new ImageSet(new float[] {1, 2, 3, 0}, 2, 1, 1, 2, null, null);
        CodeMatrix codes = Codes.of(COPY, images);
        assertArrayEquals(new float[] {3, 0, 0}, codes.row(1));
        ImageSet sweep = Traversal.of(COPY, codes.row(0), 1, 3, 2.25);
        // variable 1 is the second pixel: -2.25, 0, 2.25; the first pixel stays 1
        assertArrayEquals(new float[] {1, -2.25f, 1, 0, 1, 2.25f}, new float[] {
            sweep.pixel(0, 0, 0, 0),
            sweep.pixel(0, 0, 0, 1),
            sweep.pixel(1, 0, 0, 0),
            sweep.pixel(1, 0, 0, 1),
            sweep.pixel(2, 0, 0, 0),
            sweep.pixel(2, 0, 0, 1)
        });
        assertThrows(IllegalArgumentException.class, () -> Traversal.of(COPY, new float[2], 0, 3, 1));
        // the ends differ by 4.5 in the second pixel only: sqrt(4.5^2 / 2); the third variable is ignored
        assertEquals(4.5 / Math.sqrt(2), Traversal.span(COPY, codes.row(0), 1, 2.25), 1e-6);
        assertEquals(0, Traversal.span(COPY, codes.row(0), 2, 2.25), 1e-12);
    }
}
