package org.latentmap.studies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentmap.Profile;
import org.latentmap.data.ImageSet;
import org.latentmap.families.TodaysFamilies;
import org.latentmap.model.LatentModel;
import org.latentmap.support.SupportSet;
import org.latentmap.testing.HandModels;
import org.latentmap.zoo.ModelFamily;
import org.latentmap.zoo.TrainedModel;

/** The same-noise comparison and the cross-family fit pool on hand-made models and images. */
class SameNoiseTest {

    @Test
    void twoEqualModelsDrawTheSameImageFromTheSameNoiseAndOthersFromOthers() {
        TrainedModel a = HandModels.scaling("a", ModelFamily.VAE, 2, 3);
        TrainedModel b = HandModels.scaling("b", ModelFamily.VAE, 2, 3);
        ImageSet train = HandModels.images(40, 1);
        SameNoise same = SameNoise.of(a, b, train, 20, 5);
        assertEquals(0, same.sameNoise(), 1e-12);
        assertTrue(same.differentNoises() > 0.01, "different noises draw different images: " + same.differentNoises());
        assertEquals(3, same.table().rowCount());
        // by hand for one drawing: decode divides the code by (2, 3)
        float[] first = same.firstDrawings().image(0);
        assertEquals(2, first.length);
        TrainedModel other = HandModels.scaling("c", ModelFamily.VAE, 1, 1);
        SameNoise differentModels = SameNoise.of(a, other, train, 20, 5);
        assertTrue(differentModels.sameNoise() > 0, "another decoder draws another image");
    }

    @Test
    void tooFewNoisesAreRefused() {
        TrainedModel a = HandModels.scaling("a", ModelFamily.VAE, 2, 3);
        var error =
                assertThrows(IllegalArgumentException.class, () -> SameNoise.of(a, a, HandModels.images(10, 1), 1, 5));
        assertEquals("comparing with different noises needs at least 2 noises; got 1", error.getMessage());
    }

    @Test
    void theSmokeProfilePairsTheFirstPaperModelAndSeedOneAcrossFamilies() {
        List<TrainedModel> paper = List.of(seeded(ModelFamily.VAE, 1), seeded(ModelFamily.GAN, 1));
        List<TrainedModel> today = List.of(
                seeded(TodaysFamilies.FLOW, 1), seeded(TodaysFamilies.FLOW, 2),
                seeded(TodaysFamilies.DIFFUSION, 1), seeded(TodaysFamilies.DIFFUSION, 2));
        // every paper model with every new model both ways (2 x 4 x 2), and the 2 ordered retraining pairs of each
        assertEquals(
                16 + 4, CrossFamilyRelocation.pairs(paper, today, Profile.FULL).size());
        List<TrainedModel[]> smoke = CrossFamilyRelocation.pairs(paper, today, Profile.SMOKE);
        // the VAE with the two seed-1 models both ways (4), and the same 4 retraining pairs
        assertEquals(4 + 4, smoke.size());
        assertTrue(smoke.stream().noneMatch(p -> p[0].family() == ModelFamily.GAN || p[1].family() == ModelFamily.GAN));
    }

    private static TrainedModel seeded(ModelFamily family, long seed) {
        LatentModel model =
                HandModels.scaling(family.key() + seed, family, 1, 1).model();
        return new TrainedModel(family, seed, Profile.SMOKE, "test", model, null, null, 0);
    }

    @Test
    void theFitPoolIsTheSupportSetThenOtherTrainingImages() {
        ImageSet train = HandModels.images(30, 2);
        ImageSet test = HandModels.images(10, 3);
        SupportSet support = SupportSet.of(4, 9, 17);
        CrossFamilyRelocation cross = CrossFamilyRelocation.on(train, test, support, 5, 6, 1);
        assertEquals(8, cross.fitPool().size());
        assertEquals(6, cross.testImages().size());
        for (int i = 0; i < 3; i++) {
            assertEquals(
                    java.util.Arrays.toString(train.image(support.indices()[i])),
                    java.util.Arrays.toString(cross.fitPool().image(i)),
                    "the support set's images come first");
        }
        assertEquals(3, cross.supportSet().size());
        var tooMany = assertThrows(
                IllegalArgumentException.class, () -> CrossFamilyRelocation.on(train, test, support, 28, 6, 1));
        assertEquals(
                "the extra training images are between 0 and 27 (the training images outside the support set); got 28",
                tooMany.getMessage());
    }
}
