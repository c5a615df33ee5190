/**
 * Measures of how alike two latent spaces are without fitting a map: CKA and mutual nearest neighbours, beside the
 * paper's relocation errors.
 */
package org.latentmap.similarity;
