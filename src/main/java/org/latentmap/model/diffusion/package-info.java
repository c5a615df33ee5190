/**
 * A diffusion model (DDPM, Ho, Jain and Abbeel 2020) whose latent space is DDIM's (Song, Meng and Ermon 2021): a
 * small U-Net predicts the noise in a noised image ({@link org.latentmap.model.diffusion.UNet}), the
 * {@link org.latentmap.model.diffusion.NoiseSchedule} says how much noise each time carries, and deterministic DDIM
 * ({@link org.latentmap.model.diffusion.Ddim}) draws an image from noise and, run backwards, inverts an image to
 * the noise that draws it: that noise is the model's code ({@link org.latentmap.model.diffusion.Diffusion}).
 */
package org.latentmap.model.diffusion;
