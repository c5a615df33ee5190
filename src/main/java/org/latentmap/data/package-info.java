/**
 * Images: Fashion-MNIST from Debian's package, CelebA and CelebA-HQ folders with the paper's crops (Sect. 4.1), a
 * cache of decoded images, and {@link org.latentmap.data.ImageSet}, the images every other package takes.
 */
package org.latentmap.data;
