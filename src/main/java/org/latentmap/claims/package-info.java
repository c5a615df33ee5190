/**
 * The paper's claims, each checked against this run's result files by a rule object written beside it ({@code
 * ClaimRule}, notebook 10), reading the files through their declarations ({@code org.latentmap.ResultFile}).
 */
package org.latentmap.claims;
