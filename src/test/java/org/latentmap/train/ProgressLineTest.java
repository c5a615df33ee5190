package org.latentmap.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    @Test
    void theLineGivesStepLossRateAndTimeLeftAndIsRewrittenInPlace() {
        AtomicLong now = new AtomicLong(1_000);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressLine progress = new ProgressLine(new PrintStream(bytes, true, StandardCharsets.UTF_8), 1000, now::get);
        progress.start("VAE seed 1", 0, 100);
        now.set(11_000);
        progress.update(20, 100, 12.345);
        now.set(11_500);
        progress.update(21, 100, 12.0); // within the interval: not printed
        now.set(51_000);
        progress.end(100, 100, null);
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(
                "VAE seed 1: 100 steps\n"
                        + "\rVAE seed 1  20/100  loss 12.35  2.0 steps/s  left 0:40"
                        + "\rVAE seed 1: step 100/100, done in 0:50\n",
                text);
    }

    @Test
    void aResumedRunSaysWhereItResumesAndAFailureIsShown() {
        AtomicLong now = new AtomicLong(0);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressLine progress = new ProgressLine(new PrintStream(bytes, true, StandardCharsets.UTF_8), 1000, now::get);
        progress.start("GAN seed 2", 300, 600);
        progress.end(305, 600, new TrainingDiverged(305, "generator", Double.NaN));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("GAN seed 2: resuming at step 300 of 600\n"), text);
        assertTrue(text.contains("stopped: generator loss is NaN at step 305"), text);
    }

    @Test
    void durationsReadAsMinutesOrHours() {
        assertEquals("0:07", ProgressLine.duration(7.4));
        assertEquals("12:05", ProgressLine.duration(725));
        assertEquals("1:00:01", ProgressLine.duration(3601));
    }
}
