/**
 * A small StyleGAN (mapping network, style modulation, noise) for the pathology of paper Sect. 7, at the sizes this
 * project trains on two cores.
 */
package org.latentmap.model.style;
