package org.latentmap.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.latentmap.Profile;
import org.latentmap.data.ImageSet;
import org.latentmap.linalg.CodeMatrix;
import org.latentmap.model.LatentModel;
import org.latentmap.support.PairwiseError;
import org.latentmap.support.SectorReading;
import org.latentmap.support.SectorScan;
import org.latentmap.support.Sectors;
import org.latentmap.support.SupportSet;
import org.latentmap.support.SupportSetRecipe;
import org.latentmap.support.SupportSets;
import org.latentmap.zoo.ModelFamily;
import org.latentmap.zoo.TrainedModel;

/** The summaries notebooks 02 and 03 show: gain summary, sector scan, the pairwise comparison. */
class FeatureTablesTest {

    /** On variables (0, 1): sector 3 = both positive, 0 = both negative, 1 = first positive only. */
    private static final CodeMatrix CODES = CodeMatrix.ofRows(new float[][] {
        {1, 1}, // |.| = 1.41: sector 3 at th 0 and 1
        {2, 2}, // sector 3 at all thresholds below 2.83
        {-0.5f, -0.5f}, // 0.71: sector 0 at th 0 only
        {3, -1}, // 3.16: sector 1 at all three
        {-1, 0.5f}, // 1.12: sector 2 at th 0 and 1
    });

    @Test
    void theScanCountsInhabitedSectorsAndFindsTheWidestThresholdHoldingAShare() {
        SectorScan scan = SectorScan.of(CODES, new int[] {0, 1}, SectorReading.DISTANCE_FROM_ORIGIN, 0, 1, 2);
        var table = scan.table();
        assertEquals(3, table.rowCount());
        assertArrayEquals(
                new int[] {4, 3, 2}, table.intColumn("inhabited sectors").asIntArray());
        assertArrayEquals(
                new double[] {1.0, 0.8, 0.4},
                table.doubleColumn("share of points in a sector").asDoubleArray(),
                1e-9);
        assertArrayEquals(new int[] {2, 2, 1}, table.intColumn("largest").asIntArray());
        assertArrayEquals(new int[] {1, 0, 0}, table.intColumn("smallest").asIntArray());
        // th 0: 5 points over 4 sectors, largest 2 -> 2 / 1.25
        assertEquals(1.6, table.doubleColumn("largest / uniform").get(0), 1e-9);
        assertEquals(1, scan.widestHolding(0.8), "th 1 still holds 4 of the 5 points, th 2 only 2");
        assertEquals(2, scan.widestHolding(0.4));
        assertThrows(IllegalArgumentException.class, () -> scan.widestHolding(0));
        assertArrayEquals(new int[] {3, 0, 1, 2}, scan.at(0).byOccupancy());
        assertArrayEquals(new int[] {1, 3}, scan.at(2).byOccupancy(), "only the inhabited sectors, ties by number");
        assertThrows(IllegalArgumentException.class, () -> scan.at(0.5));
        assertThrows(
                IllegalArgumentException.class,
                () -> SectorScan.of(
                        CodeMatrix.of(new float[0], 1), new int[] {0}, SectorReading.DISTANCE_FROM_ORIGIN, 1));
    }

    @Test
    void theGainSummaryCountsVariablesByShare() {
        ReconstructionGain gain = ReconstructionGain.of(new double[] {0.5, 4, 0.001, 3, 2.499}, 0.01);
        // sorted 4, 3, 2.499, 0.5, 0.001 of 9.999: shares 0.40, 0.70, 0.95, 0.9999, 1
        assertEquals(2, gain.variablesCarrying(0.5));
        assertEquals(3, gain.variablesCarrying(0.9));
        assertEquals(1, gain.inactive(0.01), "0.001 < 1% of 4");
        assertThrows(IllegalArgumentException.class, () -> gain.variablesCarrying(0));
        Map<String, ReconstructionGain> gains = new LinkedHashMap<>();
        gains.put("m", gain);
        var table = ReconstructionGain.summary(gains);
        assertEquals(5, table.intColumn("latent size").get(0));
        assertEquals(1.0, table.doubleColumn("share of first 20").get(0), 1e-9, "fewer than 20 variables carry all");
        assertEquals(3, table.intColumn("variables for 90%").get(0));
    }

    @Test
    void theComparisonTableHoldsTheSupportSetRandomSetAndRandomPairs() {
        // one-pixel images 0, 1, 3, 3: the support set {0, 2} holds one pair at distance 3 -> 9
        ImageSet images = new ImageSet(new float[] {0, 1, 3, 3}, 4, 1, 1, 1, null, null);
        var table = PairwiseError.comparison(images, SupportSet.of(0, 2), 1000, 5);
        assertEquals(9, table.doubleColumn("mean image MSE").get(0), 1e-12);
        assertEquals(0.183, table.doubleColumn("paper (CelebA)").get(0), 1e-12);
        assertEquals(1, table.intColumn("pairs").get(1), "a random set of two has one pair");
        // all 12 ordered pairs of distinct images: (1 + 9 + 9 + 4 + 4 + 0) * 2 / 12 = 4.5 on average
        assertEquals(4.5, table.doubleColumn("mean image MSE").get(2), 0.6);
    }

    @Test
    void aSupportSetForBiggerDataIsRefusedWithAClearMessage() {
        ImageSet images = new ImageSet(new float[] {0, 1}, 2, 1, 1, 1, null, null);
        var error = assertThrows(
                IllegalArgumentException.class, () -> SupportSet.of(0, 7).images(images));
        assertTrue(error.getMessage().contains("refers to image 7 but the data set has 2 images"), error.getMessage());
    }

    @Test
    void theRecipeIsTheStepsOfNotebook03() {
        // codes are the two pixels; pixel 0 varies more, so it is the most informative variable
        float[] pixels = new float[40];
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < 20; i++) {
            pixels[2 * i] = (float) (4 * random.nextDouble() - 2);
            pixels[2 * i + 1] = (float) (0.2 * random.nextDouble() - 0.1);
        }
        ImageSet images = new ImageSet(pixels, 20, 1, 1, 2, null, null);
        var model = new TrainedModel(ModelFamily.VAE, 1, Profile.SMOKE, "test", IDENTITY, null, null, 0);
        var selection = new SupportSetRecipe(1, 2, 5, SectorReading.DISTANCE_FROM_ORIGIN).select(model, images, images);
        assertArrayEquals(new int[] {0}, selection.sectors().variables());
        Sectors sectors = Sectors.of(
                Codes.of(IDENTITY, images),
                new int[] {0},
                selection.scan().widestHolding(0.5),
                SectorReading.DISTANCE_FROM_ORIGIN);
        assertEquals(sectors.threshold(), selection.sectors().threshold());
        assertArrayEquals(
                SupportSet.select(sectors, 2, 5).indices(), selection.support().indices());
        assertEquals(2, selection.support().size());
    }

    private static final LatentModel IDENTITY = new LatentModel() {
        public String name() {
            return "identity";
        }

        public int latentSize() {
            return 2;
        }

        public NDArray encode(NDArray images) {
            return images.reshape(images.getShape().get(0), 2);
        }

        public NDArray decode(NDArray codes) {
            return codes.reshape(codes.getShape().get(0), 1, 1, 2);
        }
    };

    @Test
    void theShippedSupportSetIsFoundFromTheProjectAndIndexesTheFullTrainingSplit() {
        SupportSet shipped = SupportSets.shipped(SupportSets.FASHION_MNIST);
        assertEquals(150, shipped.size());
        assertEquals(150, Arrays.stream(shipped.indices()).distinct().count(), "no image twice");
        assertTrue(Arrays.stream(shipped.indices()).allMatch(i -> i >= 0 && i < 60_000));
    }
}
