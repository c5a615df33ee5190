/**
 * Training: losses, the optimiser, training plans and loops with exact resume from checkpoints, progress lines, and
 * the model health check ({@link org.latentmap.train.ModelHealth}) that every training and every load passes.
 */
package org.latentmap.train;
