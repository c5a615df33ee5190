/**
 * Evaluation: the reconstruction error of a zoo model (stored), the baselines every error is read against, tables
 * of R-MSE per family, re-coder errors and the statistics they share (paper Sects. 4 and 6).
 */
package org.latentmap.metrics;
