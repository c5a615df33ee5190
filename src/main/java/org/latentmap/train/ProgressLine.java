package org.latentmap.train;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress as one line of text rewritten in place with a carriage return: step, loss, steps per second and
 * time left. A terminal and a Jupyter notebook both show the line updating; the last state stays with a
 * newline. Updates at most every {@code interval} milliseconds.
 */
public final class ProgressLine implements Progress {
    private final PrintStream out;
    private final long intervalMillis;
    private final LongSupplier clock;
    private final String unit;
    private String what = "";
    private long startStep;
    private long startMillis;
    private long lastPrint;

    public ProgressLine(PrintStream out, long intervalMillis, LongSupplier clock) {
        this(out, intervalMillis, clock, "step");
    }

    /** Counting in {@code unit}s (singular, such as "batch") instead of steps. */
    public ProgressLine(PrintStream out, long intervalMillis, LongSupplier clock, String unit) {
        this.out = out;
        this.intervalMillis = intervalMillis;
        this.clock = clock;
        this.unit = unit;
    }

    /** On standard output, every 2 seconds. */
    public static ProgressLine toStandardOutput() {
        return new ProgressLine(System.out, 2000, System::currentTimeMillis);
    }

    /** On standard output, every 2 seconds, counting {@code unit}s (singular, such as "batch"). */
    public static ProgressLine toStandardOutput(String unit) {
        return new ProgressLine(System.out, 2000, System::currentTimeMillis, unit);
    }

    @Override
    public void start(String what, long step, long total) {
        this.what = what;
        this.startStep = step;
        this.startMillis = clock.getAsLong();
        this.lastPrint = startMillis;
        out.print(what
                + (step > 0 ? ": resuming at " + unit + " " + step + " of " + total : ": " + total + " " + plural())
                + "\n");
        out.flush();
    }

    @Override
    public void update(long step, long total, double loss) {
        long now = clock.getAsLong();
        if (now - lastPrint >= intervalMillis) {
            lastPrint = now;
            out.print("\r" + line(step, total, loss, now));
            out.flush();
        }
    }

    @Override
    public void end(long step, long total, Throwable error) {
        long now = clock.getAsLong();
        String state = error != null
                ? "stopped: "
                        + (error.getMessage() != null
                                ? error.getMessage()
                                : error.getClass().getSimpleName()
                                        + "; run it again to resume from the last checkpoint")
                : step >= total ? "done in " + duration((now - startMillis) / 1000.0) : "paused";
        out.print("\r" + what + ": " + unit + " " + step + "/" + total + ", " + state + "\n");
        out.flush();
    }

    /** The text shown for a state, such as "VAE seed 1  300/938  loss 12.5  9.8 steps/s  left 1:05" (no loss when NaN). */
    public String line(long step, long total, double loss, long now) {
        double seconds = Math.max(1e-3, (now - startMillis) / 1000.0);
        double rate = (step - startStep) / seconds;
        String left = rate > 0 ? duration((total - step) / rate) : "?";
        String shown = Double.isNaN(loss) ? "" : String.format(Locale.ROOT, "  loss %.4g", loss);
        return String.format(
                Locale.ROOT, "%s  %d/%d%s  %.1f %s/s  left %s", what, step, total, shown, rate, plural(), left);
    }

    private String plural() {
        return unit.endsWith("h") ? unit + "es" : unit + "s";
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
