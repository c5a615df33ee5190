package org.latentmap.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentmap.data.ImageSet;
import org.latentmap.testing.HandModels;
import org.latentmap.train.ReconstructionError;
import org.latentmap.zoo.ModelFamily;
import org.latentmap.zoo.TrainedModel;

class ReconstructionTableTest {
    @Test
    void eachModelsErrorAndEachFamilysAgainstTheBaselines() {
        // scaling models reconstruct exactly; a bent one does not
        TrainedModel exact1 = HandModels.scaling("VAE 1", ModelFamily.VAE, 2, 3);
        TrainedModel exact2 = HandModels.scaling("VAE 2", ModelFamily.VAE, -1, 1);
        TrainedModel bent = HandModels.bent("GAN 1", ModelFamily.GAN);
        ImageSet train = HandModels.images(50, 1);
        ImageSet test = HandModels.images(20, 2);
        Baselines baselines = new Baselines(20, 0.3, 0.2, 0.5, 0.05);
        var table = ReconstructionTable.of(List.of(exact1, exact2, bent), test, baselines);
        var perModel = table.perModel();
        assertEquals(List.of("family", "seed", "r_mse", "test_images"), perModel.columnNames());
        assertEquals(
                List.of("VAE", "VAE", "GAN"), perModel.stringColumn("family").asList());
        assertEquals(0, perModel.doubleColumn("r_mse").get(0), 1e-10);
        double bentError = ReconstructionError.of(bent.model(), test);
        assertEquals(bentError, perModel.doubleColumn("r_mse").get(2), 1e-12);
        assertArrayEquals(new double[] {0, 0}, table.of(ModelFamily.VAE), 1e-10);
        var perFamily = table.perFamily();
        assertEquals(List.of("VAE", "GAN"), perFamily.stringColumn("family").asList());
        assertEquals("nearest training image", perFamily.stringColumn("beats").get(0));
        assertEquals(
                baselines.strongestBeaten(bentError),
                perFamily.stringColumn("beats").get(1));
        assertTrue(
                table.verdicts()
                        .startsWith(
                                "VAE: R-MSE 0.0000; below mean image 0.3000, class mean 0.2000, random pairs 0.5000,"
                                        + " nearest training image 0.0500"),
                table.verdicts());
        var error = assertThrows(
                IllegalArgumentException.class, () -> ReconstructionTable.of(List.of(exact1), test.head(5), baselines));
        assertTrue(error.getMessage().startsWith("baselines of 20 test images for 5 test images"), error.getMessage());
    }
}
