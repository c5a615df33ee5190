/**
 * Numbers kept on disk so that no run computes them twice: a file per key, checksummed and written atomically
 * ({@link org.latentmap.store.ValueStore}), the {@link org.latentmap.store.Rule} that made them, hashes that key
 * them, and several arrays packed into one. Knows files and keys, not models or images: the zoo's
 * {@code ZooStore} keys numbers by a model's checkpoint.
 */
package org.latentmap.store;
