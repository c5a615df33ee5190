package org.latentmap.units;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.latentmap.Profile;
import org.latentmap.features.Codes;
import org.latentmap.zoo.ModelFamily;
import org.latentmap.zoo.ModelZoo;
import org.latentmap.zoo.ReconstructionErrors;
import org.latentmap.zoo.TrainedModel;
import org.latentmap.zoo.WalkthroughData;

/**
 * The walkthrough's units of work ({@link Unit}) for a profile, and how one runs: the training of each compared
 * model (15 in the full profile, 9 in the smoke profile: {@link ModelZoo#seeds}) and, after each, its encodings. A unit run
 * twice, or by two processes at once, computes nothing twice: the zoo's checkpoints and stored values are keyed and
 * locked ({@code UnitLock}). The StyleGAN and its control (notebook 07, trained on a curated subset) and the stored
 * relocations are not units yet: the walkthrough computes them.
 */
public final class Units {
    private Units() {}

    /** Every unit of the walkthrough in {@code profile}, trainings first, each unit after what it needs. */
    public static List<Unit> plan(Profile profile) {
        List<Unit> trainings = new ArrayList<>();
        List<Unit> encodings = new ArrayList<>();
        for (ModelFamily family : ModelFamily.COMPARED) {
            for (long seed : ModelZoo.seeds(profile)) {
                String model = family.key() + "-seed" + seed;
                String name = family.displayName() + " " + seed;
                trainings.add(new Unit("train/" + model, List.of(), "train " + name, family, seed, false));
                encodings.add(new Unit(
                        "encode/" + model,
                        List.of("train/" + model),
                        "store " + name + "'s codes of the training and relocation test images and its errors",
                        family,
                        seed,
                        true));
            }
        }
        List<Unit> all = new ArrayList<>(trainings);
        all.addAll(encodings);
        return all;
    }

    /** The unit {@code id} of {@link #plan}, or an error naming the units there are. */
    public static Unit find(String id, Profile profile) {
        return plan(profile).stream()
                .filter(u -> u.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no unit " + id + " in the " + profile
                        + " profile; UnitCommand plan lists them (train/FAMILY-seedN, encode/FAMILY-seedN)"));
    }

    /** Runs unit {@code id} on {@code data} in {@code zoo}; returns a line saying what it did. */
    public static String run(String id, WalkthroughData data, Profile profile, ModelZoo zoo) {
        Unit unit = find(id, profile);
        long started = System.nanoTime();
        TrainedModel model = zoo.get(unit.family(), unit.seed(), profile, data.key(), data.train());
        if (unit.encodes()) {
            Codes.of(model, data.train());
            Codes.of(model, data.relocationTest());
            ReconstructionErrors.of(model, data.relocationTest());
        }
        return String.format(
                Locale.ROOT, "%s done in %.0f s (%s)", unit.id(), (System.nanoTime() - started) / 1e9, unit.what());
    }
}
