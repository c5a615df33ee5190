package org.latentmap.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RuleTest {
    @Test
    void aNamedRuleSaysWhatItMakesWithoutItsVersion() {
        Rule gain = Rule.named("reconstruction-gain v1");
        assertEquals("reconstruction-gain", gain.what());
        assertEquals("reconstruction-gain v1", gain.toString(), "the name keys stored files, as text");
        assertEquals("sampled relocation", Rule.named("sampled relocation v2").what());
    }

    @Test
    void itsFileNameIsItsNameWithOtherCharactersAsDashes() {
        assertEquals("encode-v1", new Rule("encode v1", "codes").fileStem());
        assertEquals(
                Path.of("folder", "map-v2-0123abcd.bin"),
                ValueStore.file(Path.of("folder"), Rule.named("map v2"), "0123abcd"));
    }

    @Test
    void aRuleNeedsANameAndWords() {
        assertThrows(IllegalArgumentException.class, () -> new Rule(" ", "codes"));
        assertThrows(IllegalArgumentException.class, () -> new Rule("encode v1", null));
    }
}
