/**
 * Benchmarks a developer runs (training speed, map fits): tools, on which nothing in the library depends.
 */
package org.latentmap.bench;
