/**
 * The hand-written numerics the map fits used before they moved to EJML and the engine (Householder QR,
 * Cholesky, cyclic Jacobi, Gram loops), kept only as the reference {@link org.latentmap.bench.MapFitBenchmark}
 * measures the library against: same maps to 1e-5, and how much faster. Nothing in the library uses them.
 */
package org.latentmap.bench.handwritten;
