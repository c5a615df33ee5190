package org.latentmap.units;

import java.util.List;
import org.latentmap.Profile;
import org.latentmap.zoo.ModelZoo;
import org.latentmap.zoo.WalkthroughData;

/**
 * One unit of the walkthrough's work (issue 31), independent of the others but for the units it needs first, so that
 * units run side by side, one process each, on one machine or a cluster's nodes, on a shared zoo: training one
 * model ({@code train/vae-seed1}, {@code train/style-gan-curated}), storing one model's codes of the training and
 * relocation test images and its reconstruction errors ({@code encode/vae-seed1}, after its training), or storing the
 * relocations one notebook reports ({@code relocate/type1}, after every encoding). {@link Units} lists and runs them.
 */
public record Unit(String id, List<String> needs, String what, Work work) {
    public Unit {
        needs = List.copyOf(needs);
    }

    /** What a unit does: its results land in {@code zoo}, where the notebooks and later units read them. */
    @FunctionalInterface
    public interface Work {
        void run(WalkthroughData data, Profile profile, ModelZoo zoo);
    }

    /** "encode/vae-seed1 after train/vae-seed1": the unit and what it needs first, as {@code plan} prints it. */
    public String line() {
        return needs.isEmpty() ? id : id + " after " + String.join(",", needs);
    }
}
