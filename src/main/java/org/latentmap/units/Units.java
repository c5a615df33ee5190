package org.latentmap.units;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.latentmap.Profile;
import org.latentmap.data.ImageSet;
import org.latentmap.families.TodaysFamilies;
import org.latentmap.features.Codes;
import org.latentmap.relocation.MapFit;
import org.latentmap.relocation.Relocations;
import org.latentmap.studies.CrossFamilyRelocation;
import org.latentmap.studies.RelocationTypes;
import org.latentmap.support.SupportSets;
import org.latentmap.zoo.CuratedData;
import org.latentmap.zoo.ModelFamily;
import org.latentmap.zoo.ModelZoo;
import org.latentmap.zoo.ReconstructionErrors;
import org.latentmap.zoo.TrainedModel;
import org.latentmap.zoo.WalkthroughData;

/**
 * The walkthrough's units of work ({@link Unit}) for a profile, and how one runs: the training of each compared
 * model (15 in the full profile, 9 in the smoke profile: {@link ModelZoo#seeds}) and of notebook 07's StyleGAN and
 * its control; after each compared model's training, its encodings; after every encoding, the relocations of Table 2,
 * one unit a type (notebooks 04, 05, 06, through {@link RelocationTypes}); the trainings and encodings of today's
 * families ({@link TodaysFamilies}: a flow and a diffusion model, 2 seeds each) and, after them, notebook 08b's
 * relocations across families ({@link CrossFamilyRelocation}). A unit run twice, or by two processes at
 * once, computes nothing twice: the zoo's checkpoints and stored values are keyed and locked ({@code UnitLock}).
 * What is not a unit is computed by the walkthrough's notebooks: 07's inversions and sampled relocations, 08's studies.
 */
public final class Units {
    /** The units' kinds, by the first part of their ids. */
    public static final String TRAIN = "train/", ENCODE = "encode/", RELOCATE = "relocate/";

    private Units() {}

    /** Every unit of the walkthrough in {@code profile}, each after what it needs. */
    public static List<Unit> plan(Profile profile) {
        List<Unit> trainings = new ArrayList<>();
        List<Unit> encodings = new ArrayList<>();
        for (ModelFamily family : ModelFamily.COMPARED) {
            for (long seed : ModelZoo.seeds(profile)) {
                String model = family.key() + "-seed" + seed;
                String name = family.displayName() + " " + seed;
                trainings.add(training(family, seed));
                encodings.add(new Unit(
                        ENCODE + model,
                        List.of(TRAIN + model),
                        "store " + name + "'s codes of the training and relocation test images and its errors",
                        (data, p, zoo) -> encode(data, trained(data, p, zoo, family, seed))));
            }
        }
        trainings.add(new Unit(
                TRAIN + "style-gan-curated",
                List.of(),
                "train notebook 07's StyleGAN on the curated images",
                (data, p, zoo) -> styleGan(data, p, zoo, true)));
        trainings.add(new Unit(
                TRAIN + "style-gan-control",
                List.of(),
                "train notebook 07's StyleGAN on the random control of the same size",
                (data, p, zoo) -> styleGan(data, p, zoo, false)));
        List<String> encoded = encodings.stream().map(Unit::id).toList();
        List<Unit> today = new ArrayList<>();
        List<String> todayEncoded = new ArrayList<>();
        for (ModelFamily family : TodaysFamilies.register()) {
            for (long seed : TodaysFamilies.SEEDS) {
                String model = family.key() + "-seed" + seed;
                String name = family.displayName() + " " + seed;
                trainings.add(training(family, seed));
                today.add(new Unit(
                        ENCODE + model,
                        List.of(TRAIN + model, ENCODE + "split-vae-seed1"),
                        "store " + name + "'s codes of the cross-family fit pool and test images and its errors",
                        (data, p, zoo) -> crossFamily(data, p, zoo).encode(trained(data, p, zoo, family, seed))));
                todayEncoded.add(ENCODE + model);
            }
        }
        List<Unit> all = new ArrayList<>(trainings);
        all.addAll(encodings);
        all.addAll(today);
        all.add(new Unit(
                RELOCATE + "type1",
                encoded,
                "store notebook 04's relocations between retrainings (Table 2, Type 1)",
                (data, p, zoo) -> types(data, p, zoo).type1(p)));
        all.add(new Unit(
                RELOCATE + "type2",
                encoded,
                "store notebook 05's relocations between VAEs and Split-VAEs (Table 2, Type 2)",
                (data, p, zoo) -> types(data, p, zoo).type2()));
        all.add(new Unit(
                RELOCATE + "type3",
                encoded,
                "store notebook 06's relocations between GANs and VAEs (Table 2, Type 3)",
                (data, p, zoo) -> types(data, p, zoo).type3()));
        List<String> crossNeeds = new ArrayList<>(todayEncoded);
        for (ModelFamily family : ModelFamily.COMPARED) {
            crossNeeds.add(ENCODE + family.key() + "-seed1");
        }
        all.add(new Unit(
                RELOCATE + "cross-family",
                crossNeeds,
                "store notebook 08b's relocations across families (the flow and the diffusion model)",
                (data, p, zoo) -> crossFamily(data, p, zoo).runAll()));
        return all;
    }

    /** The unit that trains the model of {@code family} with {@code seed}: train/FAMILY-seedN. */
    private static Unit training(ModelFamily family, long seed) {
        return new Unit(
                TRAIN + family.key() + "-seed" + seed,
                List.of(),
                "train " + family.displayName() + " " + seed,
                (data, p, zoo) -> trained(data, p, zoo, family, seed));
    }

    /**
     * The unit command's view of the cross-family study: its pool and test images from the walkthrough's data and
     * the standard support set, the paper's seed-1 models and today's models from the zoo.
     */
    static CrossFamilyUnits crossFamily(WalkthroughData data, Profile profile, ModelZoo zoo) {
        ImageSet train = data.train();
        List<TrainedModel> paper = new ArrayList<>();
        for (ModelFamily family : ModelFamily.COMPARED) {
            paper.add(zoo.get(family, 1, profile, data.key(), train));
        }
        var support = SupportSets.standard(train, TrainedModel.find(paper, ModelFamily.SPLIT_VAE, 1));
        return new CrossFamilyUnits(
                CrossFamilyRelocation.walkthrough(data, profile, support), paper, data, profile, zoo);
    }

    /** What the cross-family units do: encode one of today's models, or run every relocation. */
    record CrossFamilyUnits(
            CrossFamilyRelocation study,
            List<TrainedModel> paper,
            WalkthroughData data,
            Profile profile,
            ModelZoo zoo) {
        void encode(TrainedModel model) {
            Codes.of(model, study.fitPool());
            Codes.of(model, study.testImages());
            ReconstructionErrors.of(model, study.testImages());
        }

        void runAll() {
            for (TrainedModel model : paper) {
                encode(model);
            }
            List<TrainedModel> today = new ArrayList<>();
            for (ModelFamily family : TodaysFamilies.all()) {
                for (long seed : TodaysFamilies.SEEDS) {
                    today.add(zoo.get(family, seed, profile, data.key(), data.train()));
                }
            }
            study.run(CrossFamilyRelocation.pairs(paper, today, profile), MapFit.validatedRidge());
        }
    }

    /**
     * The units of {@code plan} that {@code chosen} names, and every unit whose needs are all among them (so that
     * choosing trainings brings their encodings): what {@code submit.sh --units} submits, in the plan's order.
     */
    public static List<Unit> closure(List<Unit> plan, List<String> chosen) {
        Set<String> kept = new LinkedHashSet<>();
        for (String id : chosen) {
            kept.add(find(plan, id, "").id());
        }
        for (Unit unit : plan) {
            if (!unit.needs().isEmpty() && kept.containsAll(unit.needs())) {
                kept.add(unit.id());
            }
        }
        return plan.stream().filter(u -> kept.contains(u.id())).toList();
    }

    /** The unit {@code id} of {@link #plan}, or an error naming the units there are. */
    public static Unit find(String id, Profile profile) {
        return find(plan(profile), id, " in the " + profile + " profile");
    }

    private static Unit find(List<Unit> plan, String id, String where) {
        return plan.stream()
                .filter(u -> u.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no unit " + id + where
                        + "; UnitCommand plan lists them (train/FAMILY-seedN, train/style-gan-curated,"
                        + " train/style-gan-control, encode/FAMILY-seedN, relocate/typeN, relocate/cross-family)"));
    }

    /** Runs unit {@code id} on {@code data} in {@code zoo}; returns a line saying what it did. */
    public static String run(String id, WalkthroughData data, Profile profile, ModelZoo zoo) {
        Unit unit = find(id, profile);
        long started = System.nanoTime();
        unit.work().run(data, profile, zoo);
        return String.format(
                Locale.ROOT, "%s done in %.0f s (%s)", unit.id(), (System.nanoTime() - started) / 1e9, unit.what());
    }

    /**
     * The relocations of notebooks 04-06 on these data, set up as their first cells do: the relocation test images
     * decoded in batches of 250 (25 in the smoke profile), the support set {@link SupportSets#standard} gives for
     * Split-VAE 1, the validated ridge fit.
     */
    static RelocationTypes types(WalkthroughData data, Profile profile, ModelZoo zoo) {
        ImageSet train = data.train();
        List<TrainedModel> models = zoo.all(profile, data.key(), train);
        var support = SupportSets.standard(train, TrainedModel.find(models, ModelFamily.SPLIT_VAE, 1));
        var relocations = Relocations.on(train, data.relocationTest()).batches(profile.pick(250, 25));
        return RelocationTypes.of(relocations, models, MapFit.validatedRidge(), support);
    }

    private static TrainedModel trained(
            WalkthroughData data, Profile profile, ModelZoo zoo, ModelFamily family, long seed) {
        return zoo.get(family, seed, profile, data.key(), data.train());
    }

    private static void encode(WalkthroughData data, TrainedModel model) {
        Codes.of(model, data.train());
        Codes.of(model, data.relocationTest());
        ReconstructionErrors.of(model, data.relocationTest());
    }

    private static void styleGan(WalkthroughData data, Profile profile, ModelZoo zoo, boolean curatedImages) {
        CuratedData curated = data.curated();
        if (curatedImages) {
            zoo.get(ModelFamily.STYLE_GAN, 1, profile, curated.key(), curated.images());
        } else {
            zoo.get(ModelFamily.STYLE_GAN, 1, profile, curated.controlKey(), curated.control());
        }
    }
}
