/**
 * Evaluation: the baselines every error is read against, tables of R-MSE per family (from the errors the zoo stores,
 * {@code zoo.ReconstructionErrors}), re-coder errors and the statistics they share (paper Sects. 4 and 6).
 */
package org.latentmap.metrics;
