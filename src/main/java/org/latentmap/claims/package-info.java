/**
 * The paper's claims, each checked against this run's result files by a rule written beside it (notebook 10).
 */
package org.latentmap.claims;
