package org.latentmap.show;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {
    private final Template template = Template.of(TemplateTest.class, "template-test.txt");

    @Test
    void everyPlaceholderTakesItsValueInOnePass() {
        assertEquals(
                "Hello {{other}}, {{other}} again; $1 \\ 7.\n",
                template.fill(Map.of("name", "{{other}}", "other", "$1 \\ 7")),
                "a value is put in as given: never read for placeholders, no group references");
    }

    @Test
    void aMissingOrAnUnusedValueIsRefused() {
        var missing = assertThrows(IllegalArgumentException.class, () -> template.fill(Map.of("name", "x")));
        assertTrue(missing.getMessage().contains("{{other}}"), missing.getMessage());
        var unused = assertThrows(
                IllegalArgumentException.class, () -> template.fill(Map.of("name", "x", "other", 1, "typo", 2)));
        assertTrue(unused.getMessage().contains("typo"), unused.getMessage());
        assertThrows(IllegalStateException.class, () -> Template.of(TemplateTest.class, "no-such-page.html"));
    }
}
