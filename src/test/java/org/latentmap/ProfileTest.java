package org.latentmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProfileTest {
    @Test
    void readsNamesInAnyCaseAndDefaultsToFull() {
        assertEquals(Profile.FULL, Profile.parse(null));
        assertEquals(Profile.FULL, Profile.parse(" "));
        assertEquals(Profile.SMOKE, Profile.parse("smoke"));
        assertEquals(Profile.FULL, Profile.parse("Full"));
        assertEquals(7, Profile.SMOKE.pick(100, 7));
        assertEquals(100, Profile.FULL.pick(100, 7));
    }

    @Test
    void unknownProfileSaysWhichOnesExist() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Profile.parse("fast"));
        assertTrue(e.getMessage().contains("'full'") && e.getMessage().contains("'smoke'"), e.getMessage());
    }
}
