package org.latentmap.claims;

/**
 * One claim of the paper as this project tests it: what the paper says and where, its number, ours, the
 * verdict a written rule gave, and why (the rule with the numbers it saw).
 */
public record Claim(String claim, String section, String paper, String measured, Verdict verdict, String why) {
    /** A claim this run cannot judge: it {@code needs} what no notebook of the run wrote (a file, a row). */
    public static Claim notTestable(String claim, String section, String paper, String needs) {
        return new Claim(
                claim, section, paper, "", Verdict.NOT_TESTABLE, "needs " + needs + ", which this run did not write");
    }
}
