package org.latentmap.zoo;

import org.latentmap.Profile;
import org.latentmap.train.ModelHealth;

/**
 * What the zoo found when it handed out a model (issue 29): its training's description (the checkpoint's header), its
 * health, its checkpoint's SHA-256, how it compares
 * with the shipped reproducibility record and with earlier trainings of the same model in this zoo, and whether the
 * walkthrough keeps it. The rule, applied by {@link ModelZoo#all}: <b>a model that fails its health check is left
 * out of the run</b> (every table, mean and claim is computed over the others, and the run says so), except in the
 * smoke profile, whose few-step models are not expected to pass and are kept.
 */
public record ModelCheck(
        TrainedModel model,
        String description,
        ModelHealth health,
        String sha256,
        ReproducibilityRecord.Comparison record,
        String retraining,
        boolean kept) {

    /** Whether a model with this health stays in a run of this profile. */
    public static boolean keeps(ModelHealth health, Profile profile) {
        return !health.failed() || profile == Profile.SMOKE;
    }

    /** One line for the console and the notebook: health, record, earlier trainings, and the rule's outcome. */
    public String line() {
        String outcome = kept ? "" : " LEFT OUT of this run (a model that fails its health check is left out)";
        if (kept && health.failed()) {
            outcome = " (kept: the smoke profile's models are a few steps old)";
        }
        return health.line() + outcome + "; " + record.line() + (retraining.isEmpty() ? "" : "; " + retraining);
    }
}
