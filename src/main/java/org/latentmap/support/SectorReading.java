package org.latentmap.support;

/**
 * Which codes a sector (th, dir) of paper Sect. 5 holds: the paper can be read two ways. Its text says the
 * points "with direction compatible with dir and at a distance from the origin larger than th"
 * ({@link #DISTANCE_FROM_ORIGIN}); the caption of its Fig. 7 says "the distance between sectors is equal to
 * twice a configurable threshold", true only when every selected coordinate is beyond th
 * ({@link #EVERY_COORDINATE}: orthants shrunk away from every axis), which also matches its wish for
 * "extreme values for the previously selected variables". Under the first reading a code can sit near zero
 * on all but one of the variables and still be in a sector.
 */
public enum SectorReading {
    /** The text's reading: the signs match dir and the distance from the origin, in the n coordinates, exceeds th. */
    DISTANCE_FROM_ORIGIN("distance from the origin > th"),
    /** Fig. 7's reading: the signs match dir and every one of the n coordinates is beyond th in absolute value. */
    EVERY_COORDINATE("every coordinate beyond th");

    private final String description;

    SectorReading(String description) {
        this.description = description;
    }

    /** What the reading asks of a code, in a few words for tables. */
    public String description() {
        return description;
    }

    /** Whether a code whose selected coordinates have these absolute values lies beyond {@code threshold}. */
    boolean beyond(double squaredDistance, double smallestAbsolute, double threshold) {
        return this == DISTANCE_FROM_ORIGIN ? Math.sqrt(squaredDistance) > threshold : smallestAbsolute > threshold;
    }

    @Override
    public String toString() {
        return description;
    }
}
