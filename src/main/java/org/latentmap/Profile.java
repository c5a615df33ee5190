package org.latentmap;

import java.util.Locale;

/**
 * How much work a run does: {@code FULL}, the real walkthrough (the default), or {@code SMOKE}, tiny data and
 * few steps so that the tests can execute every notebook in seconds. Chosen by the environment variable
 * {@value #VARIABLE} (or the system property {@code latentmap.profile}).
 */
public enum Profile {
    FULL, SMOKE;

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
                    + ": use 'full' (the walkthrough) or 'smoke' (tiny, for tests)");
        }
    }

    /** The value for this profile: {@code full} in the full profile, {@code smoke} in the smoke one. */
    public int pick(int full, int smoke) {
        return this == FULL ? full : smoke;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
