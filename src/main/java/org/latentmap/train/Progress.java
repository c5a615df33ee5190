package org.latentmap.train;

/** Told about a training's advance; {@link ProgressLine} writes it for people. */
public interface Progress {

    /** A training starts (or resumes) at {@code step} of {@code total}. */
    void start(String what, long step, long total);

    /** {@code step} steps of {@code total} are done; {@code loss} is the latest main loss. */
    void update(long step, long total, double loss);

    /** The training ended (finished, stopped, or failed with {@code error}, null when it did not). */
    void end(long step, long total, Throwable error);

    /** Says nothing. */
    Progress SILENT = new Progress() {
        @Override
        public void start(String what, long step, long total) {}

        @Override
        public void update(long step, long total, double loss) {}

        @Override
        public void end(long step, long total, Throwable error) {}
    };
}
