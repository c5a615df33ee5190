package org.latentmap.exercises;

/**
 * What an exercise's check cell tells a student: right or not yet, and why, with the numbers that decided
 * it and, when not yet, what to try next. Prints as one or two lines of text.
 */
public record Verdict(boolean correct, String message) {

    static Verdict right(String message) {
        return new Verdict(true, message);
    }

    static Verdict notYet(String message) {
        return new Verdict(false, message);
    }

    @Override
    public String toString() {
        return (correct ? "✔ Correct: " : "✘ Not yet: ") + message;
    }
}
