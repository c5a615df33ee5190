/**
 * A normalizing flow (RealNVP, Dinh, Sohl-Dickstein and Bengio 2017, with Glow's invertible 1x1 convolutions,
 * Kingma and Dhariwal 2018): an invertible network whose code is the image's exact inverse, one variable per
 * pixel, and whose decoder is the same network run forward. Its parts: {@link org.latentmap.model.flow.LogitPixels}
 * (dequantisation and the logit), {@link org.latentmap.model.flow.AffineCoupling} (checkerboard and channel
 * masks), {@link org.latentmap.model.flow.InvertibleMixing}, {@link org.latentmap.model.flow.Squeeze}, and the
 * model, {@link org.latentmap.model.flow.RealNvp}, with its multi-scale split.
 */
package org.latentmap.model.flow;
