package org.latentmap.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentmap.Profile;

class UnitsTest {
    @Test
    void theFullWalkthroughIsFifteenTrainingsThenTheirEncodings() {
        List<Unit> plan = Units.plan(Profile.FULL);
        assertEquals(30, plan.size());
        assertEquals("train/vae-seed1", plan.get(0).line());
        assertEquals("train/split-vae-seed5", plan.get(14).line());
        assertEquals("encode/vae-seed1 after train/vae-seed1", plan.get(15).line());
        for (int i = 0; i < plan.size(); i++) {
            for (String need : plan.get(i).needs()) {
                int at = i;
                assertTrue(
                        plan.subList(0, at).stream().anyMatch(u -> u.id().equals(need)),
                        plan.get(i).id() + " comes after " + need);
            }
        }
        assertEquals(18, Units.plan(Profile.SMOKE).size(), "3 seeds of each family in the smoke profile");
    }

    @Test
    void anUnknownUnitNamesTheKindsThereAre() {
        var error = assertThrows(IllegalArgumentException.class, () -> Units.find("train/vae-seed9", Profile.SMOKE));
        assertEquals(
                "no unit train/vae-seed9 in the smoke profile; UnitCommand plan lists them (train/FAMILY-seedN,"
                        + " encode/FAMILY-seedN)",
                error.getMessage());
    }
}
