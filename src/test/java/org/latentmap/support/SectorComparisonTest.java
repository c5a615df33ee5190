package org.latentmap.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentmap.linalg.CodeMatrix;

class SectorComparisonTest {
    private static CodeMatrix codes(float... values) {
        float[][] out = new float[values.length][];
        for (int i = 0; i < values.length; i++) {
            out[i] = new float[] {values[i], 7};
        }
        return CodeMatrix.ofRows(out);
    }

    @Test
    void samplesArePlacedInTheDatasSectorsAndCompared() {
        // one variable (0), threshold 1: data 2, 3 in "+", -2 in "-", 0.5 inside; samples only 1.5 in "+"
        Sectors data = Sectors.of(codes(2, 3, -2, 0.5f), new int[] {0}, 1, SectorReading.DISTANCE_FROM_ORIGIN);
        SectorComparison comparison = SectorComparison.of(data, codes(0.2f, -0.3f, 1.5f, 0.1f));
        assertEquals(0.75, comparison.dataShareInSectors(), 1e-12);
        assertEquals(0.25, comparison.sampleShareInSectors(), 1e-12);
        assertEquals(1, comparison.sectorsReached());
        var table = comparison.table();
        assertEquals(2, table.rowCount());
        assertEquals("+", table.stringColumn("direction").get(0));
        assertEquals(50, table.doubleColumn("data %").get(0), 1e-12);
        assertEquals(25, table.doubleColumn("samples %").get(0), 1e-12);
        assertEquals(0.5, table.doubleColumn("samples / data").get(0), 1e-12);
        assertEquals(0, table.doubleColumn("samples %").get(1), 1e-12);
        assertEquals(
                "75.0% of the data and 25.0% of the samples lie in a sector; samples reach 1 of the data's 2 inhabited sectors",
                comparison.toString());
        assertThrows(IllegalArgumentException.class, () -> SectorComparison.of(data, CodeMatrix.of(new float[0], 1)));

        var models = new LinkedHashMap<String, SectorComparison>();
        models.put("StyleGAN", comparison);
        models.put("GAN", SectorComparison.of(data, codes(2.5f, -1.5f)));
        var summary = SectorComparison.summary(models);
        assertEquals(List.of("StyleGAN", "GAN"), summary.stringColumn("samples").asList());
        assertEquals(25, summary.doubleColumn("samples in sectors %").get(0), 1e-12);
        assertEquals(75, summary.doubleColumn("data in sectors %").get(0), 1e-12);
        assertEquals(2, summary.intColumn("sectors reached").get(1));
        assertEquals(2, summary.intColumn("data sectors").get(1));
    }
}
