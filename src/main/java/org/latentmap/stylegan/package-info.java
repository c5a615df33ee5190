/**
 * The StyleGAN study (paper Sect. 7): inverting images into its latent space by the re-coder and by optimisation,
 * and the comparison with a control trained on random images.
 */
package org.latentmap.stylegan;
