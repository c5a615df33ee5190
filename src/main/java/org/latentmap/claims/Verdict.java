package org.latentmap.claims;

/** How a claim of the paper fared in this run ({@link PaperClaims}). */
public enum Verdict {
    REPRODUCED("reproduced"),
    PARTLY("partly"),
    NOT_REPRODUCED("not reproduced"),
    NOT_TESTABLE("not testable here");

    private final String text;

    Verdict(String text) {
        this.text = text;
    }

    /** The verdict as the claims page writes it. */
    public String text() {
        return text;
    }

    /** Reproduced when {@code value <= reproducedAt}, partly when {@code value <= partlyAt}, else not (NaN: not testable). */
    public static Verdict atMost(double value, double reproducedAt, double partlyAt) {
        if (Double.isNaN(value)) {
            return NOT_TESTABLE;
        }
        return value <= reproducedAt ? REPRODUCED : value <= partlyAt ? PARTLY : NOT_REPRODUCED;
    }

    /** Reproduced when {@code value >= reproducedAt}, partly when {@code value >= partlyAt}, else not (NaN: not testable). */
    public static Verdict atLeast(double value, double reproducedAt, double partlyAt) {
        if (Double.isNaN(value)) {
            return NOT_TESTABLE;
        }
        return value >= reproducedAt ? REPRODUCED : value >= partlyAt ? PARTLY : NOT_REPRODUCED;
    }

    /** Reproduced when all {@code of} cases hold, partly when at least {@code partlyShare} of them do, else not (none: not testable). */
    public static Verdict share(int holding, int of, double partlyShare) {
        if (of == 0) {
            return NOT_TESTABLE;
        }
        return holding == of ? REPRODUCED : holding >= partlyShare * of ? PARTLY : NOT_REPRODUCED;
    }
}
