package org.latentmap.store;

/**
 * A computation whose numbers are stored: its {@code name}, with a version ("encode v1"), is part of every stored
 * file's key and must change whenever the computation does; {@code what} says in words what it makes ("codes"),
 * for the lines a store prints.
 */
public record Rule(String name, String what) {
    public Rule {
        if (name == null || name.isBlank() || what == null || what.isBlank()) {
            throw new IllegalArgumentException(
                    "a stored rule needs a name with its version and words for what it makes");
        }
    }

    /** A rule whose words are its name without the version: "reconstruction-gain v1" makes "reconstruction-gain". */
    public static Rule named(String name) {
        return new Rule(name, name.replaceFirst(" v\\d+$", ""));
    }

    /** The rule's part of a stored file's name: its name with every run of other characters made one '-'. */
    public String fileStem() {
        return name.replaceAll("[^A-Za-z0-9.-]+", "-");
    }

    @Override
    public String toString() {
        return name;
    }
}
