package org.latentmap.studies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentmap.testing.HandModels.bent;
import static org.latentmap.testing.HandModels.images;
import static org.latentmap.testing.HandModels.scaling;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentmap.relocation.FitPoints;
import org.latentmap.relocation.MapFit;
import org.latentmap.relocation.Relocations;
import org.latentmap.support.SupportSet;
import org.latentmap.zoo.ModelFamily;
import org.latentmap.zoo.TrainedModel;

class FitComparisonTest {
    @Test
    void eachPairKeepsOneRelocationPerFitAndNamesTheBest() {
        TrainedModel source = scaling("source", ModelFamily.VAE, 1, 1);
        TrainedModel linear = scaling("linear", ModelFamily.SPLIT_VAE, 2, -1);
        TrainedModel curved = bent("curved", ModelFamily.GAN);
        MapFit squares = MapFit.leastSquares();
        MapFit ridge = MapFit.validatedRidge();
        var comparison = FitComparison.on(
                        Relocations.on(images(40, 1), images(20, 2)).batches(5),
                        FitPoints.supportSet(SupportSet.of(0, 3, 9, 12, 17, 25)))
                .add(source, linear, List.of(squares, ridge))
                .add(source, curved, List.of(ridge, squares));

        assertEquals(2, comparison.pairs().size());
        assertEquals(4, comparison.relocations().size());
        var first = comparison.pairs().get(0);
        assertEquals("linear", first.target().name());
        assertSame(first.relocations().get(1), first.fittedBy(ridge));
        assertSame(
                comparison.pairs().get(1).relocations().get(0),
                comparison.pairs().get(1).fittedBy(ridge));
        // an exact linear relation: least squares finds it, L-MSE 0
        assertEquals(0, first.smallestLatentError().lMseMean(), 1e-10);
        assertTrue(
                first.toString()
                        .startsWith("source -> linear: smallest L-MSE "
                                + first.smallestLatentError().fit() + " (0.0000), smallest M-MSE "),
                first.toString());
        var error = assertThrows(IllegalArgumentException.class, () -> first.fittedBy(MapFit.kFoldRidge()));
        assertTrue(error.getMessage().contains("was not among the fits of source -> linear"), error.getMessage());
    }
}
