/**
 * Dense linear algebra of the map fits (paper Sect. 6), on EJML and the engine: products of codes, ridge
 * regression validated on held-out points, standardisation.
 */
package org.latentmap.linalg;
