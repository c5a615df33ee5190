package org.latentmap.zoo;

import java.nio.file.Path;
import java.util.List;
import org.latentmap.Profile;
import org.latentmap.model.LatentModel;
import org.latentmap.train.LossHistory;
import org.latentmap.train.TrainingPlan;

/**
 * A model from the {@link ModelZoo}: which family, seed, profile and data set it belongs to, the model
 * itself, its loss history and plan, how many seconds of training this session spent on it (0 when it
 * came from the cache), and its checkpoint file (null for a model made in memory), whose content is what
 * stored codes of the model are keyed by.
 */
public record TrainedModel(
        ModelFamily family,
        long seed,
        Profile profile,
        String dataset,
        LatentModel model,
        LossHistory history,
        TrainingPlan plan,
        double trainingSeconds,
        Path checkpoint) {

    /** A model without a checkpoint: its codes are computed, never stored. */
    public TrainedModel(
            ModelFamily family,
            long seed,
            Profile profile,
            String dataset,
            LatentModel model,
            LossHistory history,
            TrainingPlan plan,
            double trainingSeconds) {
        this(family, seed, profile, dataset, model, history, plan, trainingSeconds, null);
    }

    public String name() {
        return model.name();
    }

    /** True when it was loaded from the cache rather than trained now. */
    public boolean fromCache() {
        return trainingSeconds == 0;
    }

    /** The model of {@code family} and {@code seed} among {@code models}. */
    public static TrainedModel find(List<TrainedModel> models, ModelFamily family, long seed) {
        return models.stream()
                .filter(m -> m.family() == family && m.seed() == seed)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + family.displayName() + " seed " + seed
                        + " among " + models.stream().map(TrainedModel::name).toList()
                        + ": a model that fails its health check is left out of the run (notebook 01 says why);"
                        + " delete its checkpoint to train it again, or use another seed"));
    }

    /** The models of {@code family} among {@code models}, in their order. */
    public static List<TrainedModel> ofFamily(List<TrainedModel> models, ModelFamily family) {
        return models.stream().filter(m -> m.family() == family).toList();
    }
}
