package org.latentmap.studies;

import java.util.ArrayList;
import java.util.List;
import org.latentmap.Profile;
import org.latentmap.relocation.CodeMapFit;
import org.latentmap.relocation.FitPoints;
import org.latentmap.relocation.Relocation;
import org.latentmap.relocation.Relocations;
import org.latentmap.support.SupportSet;
import org.latentmap.zoo.ModelFamily;
import org.latentmap.zoo.TrainedModel;

/**
 * The relocations behind the paper's Table 2 (Sect. 6), one type a notebook (04, 05, 06), each fitted on the support
 * set and on all training images: Type 1 between retrainings of one family, Type 2 between a VAE and the Split-VAE of
 * the same seed, Type 3 between the GAN and each VAE kind of the same seed, both ways. The cluster's relocation units
 * ({@code relocate/type1} ...) call the same methods, so that the notebooks read what the units stored.
 */
public final class RelocationTypes {
    private final Relocations relocations;
    private final List<TrainedModel> models;
    private final CodeMapFit fit;
    private final SupportSet support;

    private RelocationTypes(Relocations relocations, List<TrainedModel> models, CodeMapFit fit, SupportSet support) {
        this.relocations = relocations;
        this.models = List.copyOf(models);
        this.fit = fit;
        this.support = support;
    }

    /** The relocations of {@code models} by {@code fit}, on {@code support} and on all of the relocations' training images. */
    public static RelocationTypes of(
            Relocations relocations, List<TrainedModel> models, CodeMapFit fit, SupportSet support) {
        return new RelocationTypes(relocations, models, fit, support);
    }

    /** Type 1: every ordered pair among the first 5 trainings of each compared family (3 in the smoke profile). */
    public List<Relocation> type1(Profile profile) {
        int trainings = profile.pick(5, 3);
        List<Relocation> all = new ArrayList<>();
        for (ModelFamily family : ModelFamily.COMPARED) {
            List<TrainedModel> ofFamily = TrainedModel.ofFamily(models, family);
            if (ofFamily.size() < trainings) {
                throw new IllegalArgumentException("Type 1 needs " + trainings + " trainings of " + family.displayName()
                        + ", the zoo gave " + ofFamily.size());
            }
            for (FitPoints points : points()) {
                all.addAll(relocations.allPairs(ofFamily.subList(0, trainings), fit, points));
            }
        }
        return all;
    }

    /** Type 2: each VAE to the Split-VAE of its seed and back. */
    public List<Relocation> type2() {
        List<TrainedModel> vaes = TrainedModel.ofFamily(models, ModelFamily.VAE);
        List<TrainedModel> splitVaes = TrainedModel.ofFamily(models, ModelFamily.SPLIT_VAE);
        List<Relocation> all = new ArrayList<>();
        for (FitPoints points : points()) {
            all.addAll(relocations.seedPairs(vaes, splitVaes, fit, points));
            all.addAll(relocations.seedPairs(splitVaes, vaes, fit, points));
        }
        return all;
    }

    /** Type 3: each GAN to the VAE and to the Split-VAE of its seed, and back. */
    public List<Relocation> type3() {
        List<TrainedModel> gans = TrainedModel.ofFamily(models, ModelFamily.GAN);
        List<Relocation> all = new ArrayList<>();
        for (FitPoints points : points()) {
            for (ModelFamily other : List.of(ModelFamily.VAE, ModelFamily.SPLIT_VAE)) {
                List<TrainedModel> others = TrainedModel.ofFamily(models, other);
                all.addAll(relocations.seedPairs(gans, others, fit, points));
                all.addAll(relocations.seedPairs(others, gans, fit, points));
            }
        }
        return all;
    }

    private List<FitPoints> points() {
        return List.of(FitPoints.supportSet(support), relocations.allTrainingData());
    }
}
