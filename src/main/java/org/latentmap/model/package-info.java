/**
 * The networks, and nothing about training them: the VAE, the GAN with its re-coder and the Split-VAE of the
 * paper (Sect. 4), their layers, and {@link org.latentmap.model.LatentModel}, what every model offers (encode,
 * decode, latent size).
 */
package org.latentmap.model;
