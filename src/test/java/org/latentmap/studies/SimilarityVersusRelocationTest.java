package org.latentmap.studies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentmap.testing.HandModels.bent;
import static org.latentmap.testing.HandModels.images;
import static org.latentmap.testing.HandModels.scaling;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.latentmap.metrics.RankCorrelation;
import org.latentmap.relocation.Relocation;
import org.latentmap.similarity.DebiasedCka;
import org.latentmap.zoo.ModelFamily;
import org.latentmap.zoo.TrainedModel;

/** The study of which measure predicts relocation, on hand-made models and relocation errors. */
class SimilarityVersusRelocationTest {
    @Test
    void aRankCorrelationOverPairsResamplesTheUnits() {
        // 5 units, 10 pairs; y falls exactly as x grows: rho -1, and every resample keeps the order
        int[] first = new int[10];
        int[] second = new int[10];
        double[] x = new double[10];
        double[] y = new double[10];
        int i = 0;
        for (int a = 0; a < 5; a++) {
            for (int b = a + 1; b < 5; b++) {
                first[i] = a;
                second[i] = b;
                x[i] = i;
                y[i] = -2.0 * i;
                i++;
            }
        }
        RankCorrelation exact = RankCorrelation.overPairs(first, second, x, y, 5, 200, 1);
        assertEquals(-1, exact.rho(), 1e-12);
        assertEquals(-1, exact.low(), 1e-12);
        assertEquals(-1, exact.high(), 1e-12);
        assertTrue(exact.negative());
        assertEquals(10, exact.pairs());
        // unrelated values: the interval holds 0 and the estimate
        SplittableRandom random = new SplittableRandom(2);
        double[] noise = new double[10];
        for (int k = 0; k < 10; k++) {
            noise[k] = random.nextDouble();
        }
        RankCorrelation none = RankCorrelation.overPairs(first, second, x, noise, 5, 500, 1);
        assertTrue(none.low() < 0 && none.high() > 0, none.toString());
        assertTrue(none.low() <= none.rho() && none.rho() <= none.high(), none.toString());
        assertTrue(none.resamples() > 400, "resamples with fewer than 3 pairs are left out, few of them: " + none);
        var error = assertThrows(
                IllegalArgumentException.class,
                () -> RankCorrelation.overPairs(new int[2], new int[2], new double[2], new double[2], 2, 10, 1));
        assertTrue(error.getMessage().contains("at least 3 pairs"), error.getMessage());
    }

    @Test
    void everyPairEveryMeasureThenEachAgainstRelocation() {
        List<TrainedModel> models = List.of(
                scaling("A", ModelFamily.VAE, 1, 1),
                scaling("B", ModelFamily.VAE, 2, -1),
                scaling("C", ModelFamily.GAN, -1, 3),
                bent("D", ModelFamily.GAN),
                bent("E", ModelFamily.SPLIT_VAE));
        var measures = SimilarityVersusRelocation.standardMeasures(20, 5);
        var study = SimilarityVersusRelocation.of(models, images(60, 1), measures, 7);
        assertEquals(List.of("A", "B", "C", "D", "E"), study.names());
        assertEquals(5, study.measures().size());
        assertEquals(10, study.scores().rowCount(), "5 models make 10 pairs");
        assertEquals(2 + 3 * 5, study.scores().columnCount(), "two names, then score, calibrated, p per measure");
        assertEquals(5, study.cost().rowCount());
        String cka = DebiasedCka.LINEAR.name();
        double[][] calibrated = study.calibrated(cka);
        for (int a = 0; a < 5; a++) {
            assertEquals(1, calibrated[a][a]);
            for (int b = 0; b < 5; b++) {
                assertEquals(calibrated[a][b], calibrated[b][a], "symmetric");
            }
        }
        assertEquals(1, study.score(cka, 3, 4).score(), 1e-9, "D and E are the same space");
        assertEquals(20, study.score(cka, 0, 1).shuffles());
        // relocation errors that fall exactly as calibrated linear CKA grows, in both directions of each pair
        List<Relocation> relocations = new ArrayList<>();
        for (int a = 0; a < 5; a++) {
            for (int b = 0; b < 5; b++) {
                if (a != b) {
                    double error = 2 - calibrated[a][b];
                    relocations.add(new Relocation(
                            models.get(a),
                            models.get(b),
                            null,
                            "hand",
                            "hand",
                            new double[] {0},
                            new double[] {0},
                            new double[] {error},
                            new double[] {1}));
                }
            }
        }
        var table = study.against(relocations, 300, 3);
        assertEquals(10, table.rowCount(), "5 measures, raw and calibrated");
        var row = table.where(table.stringColumn(SimilarityVersusRelocation.MEASURE)
                .isEqualTo(cka)
                .and(table.stringColumn(SimilarityVersusRelocation.FORM)
                        .isEqualTo(SimilarityVersusRelocation.CALIBRATED)));
        assertEquals(-1, row.doubleColumn(SimilarityVersusRelocation.RHO).get(0), 1e-9);
        assertEquals(
                SimilarityVersusRelocation.PREDICTS,
                row.stringColumn(SimilarityVersusRelocation.VERDICT).get(0));
        assertEquals(
                SimilarityVersusRelocation.GLOBAL_AGREEMENT,
                row.stringColumn(SimilarityVersusRelocation.AGREEMENT).get(0));
        var lines = SimilarityVersusRelocation.verdicts(table);
        assertEquals(4, lines.size());
        assertTrue(
                lines.get(1).startsWith("calibrated scores: ") && lines.get(1).contains(cka), lines.get(1));
        assertTrue(lines.get(2).startsWith("calibration moved a measure's rho by at most "), lines.get(2));
        assertTrue(lines.get(3).startsWith("after calibration, strongest local: "), lines.get(3));
        var few = assertThrows(IllegalArgumentException.class, () -> study.against(relocations.subList(0, 2), 10, 1));
        assertTrue(few.getMessage().contains("at least 3 pairs"), few.getMessage());
        var two = assertThrows(
                IllegalArgumentException.class,
                () -> SimilarityVersusRelocation.of(models.subList(0, 2), images(10, 1), measures, 1));
        assertTrue(two.getMessage().contains("at least 3 models"), two.getMessage());
    }
}
