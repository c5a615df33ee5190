package org.latentmap;

import java.util.Locale;

/**
 * How much work a run does: {@code FULL}, the real walkthrough (the default); {@code SMOKE}, tiny data and
 * few steps (2,048 training images, three seeds of each family, batches of 16, CelebA at 32x32) so that the
 * tests can execute every notebook on both data sets in seconds; {@code PAPER}, longer trainings for
 * better models when time allows. Chosen by the environment variable
 * {@value #VARIABLE} (or the system property {@code latentmap.profile}).
 */
public enum Profile {
    FULL,
    SMOKE,
    PAPER;

    public static final String VARIABLE = "LATENTMAP_PROFILE";

    /** The profile this process runs in. */
    public static Profile current() {
        String value = System.getProperty("latentmap.profile", System.getenv(VARIABLE));
        return parse(value);
    }

    /** Reads a profile name; blank means {@code FULL}. */
    public static Profile parse(String value) {
        if (value == null || value.isBlank()) {
            return FULL;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown profile '" + value + "' in " + VARIABLE
                    + ": use 'full' (the walkthrough), 'smoke' (tiny, for tests) or 'paper' (longer trainings)");
        }
    }

    /** The value for this profile: {@code smoke} in the smoke profile, {@code full} otherwise. */
    public int pick(int full, int smoke) {
        return this == SMOKE ? smoke : full;
    }

    /** Any value for this profile (sizes to study, say): {@code smoke} in the smoke profile, {@code full} otherwise. */
    public <T> T pick(T full, T smoke) {
        return this == SMOKE ? smoke : full;
    }

    /** The value for this profile, one for each of full, smoke and paper. */
    public int pick(int full, int smoke, int paper) {
        return switch (this) {
            case FULL -> full;
            case SMOKE -> smoke;
            case PAPER -> paper;
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
