package org.latentmap.train;

/** Thrown when a loss becomes NaN or infinite: training stops, and the last good checkpoint stays. */
public final class TrainingDiverged extends RuntimeException {
    private final long step;

    public TrainingDiverged(long step, String loss, double value) {
        super(loss + " loss is " + value + " at step " + step);
        this.step = step;
    }

    TrainingDiverged(TrainingDiverged cause, String advice) {
        super(cause.getMessage() + ": " + advice, cause);
        this.step = cause.step;
    }

    /** The step whose loss was not finite. */
    public long step() {
        return step;
    }

    /** Throws when {@code value} is NaN or infinite. */
    public static double check(long step, String loss, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new TrainingDiverged(step, loss, value);
        }
        return value;
    }
}
