/**
 * Per-variable analysis of a latent space (paper Sect. 5): codes of images under a model, each variable's
 * reconstruction gain (the feature ordering), traversals of one variable, the Gaussian fitted to the codes.
 */
package org.latentmap.features;
