/**
 * Relocation (paper Sect. 6): maps between two models' latent spaces, the ways to fit them and the points they
 * are fitted on, relocating test images and their L-MSE, R-MSE and M-MSE, stored so that a run fits each map once.
 */
package org.latentmap.relocation;
