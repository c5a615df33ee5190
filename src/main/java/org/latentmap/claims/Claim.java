package org.latentmap.claims;

/**
 * One claim of the paper as this project tests it: what the paper says and where, its number, ours, the
 * verdict a written rule gave, and why (the rule with the numbers it saw).
 */
public record Claim(String claim, String section, String paper, String measured, Verdict verdict, String why) {}
