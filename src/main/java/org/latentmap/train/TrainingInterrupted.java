package org.latentmap.train;

import java.nio.file.Path;

/** Thrown by a training whose thread was interrupted (a stopped notebook cell): it stops between two steps. */
public final class TrainingInterrupted extends RuntimeException {
    TrainingInterrupted(long step, long saved, Path checkpoint) {
        super("interrupted at step " + step + (checkpoint == null || saved == 0 ? ""
                : "; run it again to resume from the last checkpoint (step " + saved + ")"));
    }
}
