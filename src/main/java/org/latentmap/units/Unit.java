package org.latentmap.units;

import java.util.List;
import org.latentmap.zoo.ModelFamily;

/**
 * One unit of the walkthrough's work (issue 31), independent of the others but for the units it needs first, so that
 * units run side by side, one process each, on one machine or a cluster's nodes, on a shared zoo: training one
 * model ({@code train/vae-seed1}), or storing one model's codes of the training images and of the relocation test
 * images and its reconstruction errors there ({@code encode/vae-seed1}, after its training). {@link Units} lists and
 * runs them.
 */
public record Unit(String id, List<String> needs, String what, ModelFamily family, long seed, boolean encodes) {
    public Unit {
        needs = List.copyOf(needs);
    }

    /** "encode/vae-seed1 after train/vae-seed1": the unit and what it needs first, as {@code plan} prints it. */
    public String line() {
        return needs.isEmpty() ? id : id + " after " + String.join(",", needs);
    }
}
