package org.latentmap.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GammaBalanceTest {

    @Test
    void vanillaGammaSquaredIsTheRunningMinimum() {
        GammaBalance gamma = GammaBalance.vanilla();
        assertEquals(Double.POSITIVE_INFINITY, gamma.gamma());
        assertEquals(0.05, gamma.update(0.05));
        assertEquals(0.03, gamma.update(0.03));
        assertEquals(0.03, gamma.update(0.04), "a worse batch does not raise it");
        assertEquals(0.01, gamma.update(0.01));
    }

    @Test
    void splitVaeGammaFollowsTheSmoothedErrorDownOnly() {
        GammaBalance gamma = GammaBalance.splitVae();
        assertEquals(0.1, gamma.update(0.1), 1e-12, "the first batch starts the running mean");
        // mse = 0.99 * 0.1 + 0.01 * 0.0 = 0.099
        assertEquals(0.099, gamma.update(0.0), 1e-12);
        // mse = 0.99 * 0.099 + 0.01 * 1.0 = 0.10801 > 0.099: gamma stays
        assertEquals(0.099, gamma.update(1.0), 1e-12);
        assertEquals(0.10801, gamma.runningMse(), 1e-12);
    }

    @Test
    void aNonFiniteErrorIsRefused() {
        GammaBalance gamma = GammaBalance.vanilla();
        assertThrows(IllegalArgumentException.class, () -> gamma.update(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> gamma.update(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> gamma.update(-1));
    }
}
