/**
 * Codes and the dense linear algebra of the map fits (paper Sect. 6), on EJML and the engine: the one code matrix
 * ({@link org.latentmap.linalg.CodeMatrix}), the one squared error, products of codes, ridge regression validated
 * on held-out points, standardisation.
 */
package org.latentmap.linalg;
