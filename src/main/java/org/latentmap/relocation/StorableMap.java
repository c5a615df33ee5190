package org.latentmap.relocation;

import org.latentmap.store.PackedValues;

/**
 * A map that the zoo's store can keep (relocations are stored by {@code StoredRelocations}): it writes a number naming
 * its kind (unique among kinds: {@link LinearMap} 1, {@link ResidualMlpMap} 2), then its own numbers, which its fit's
 * {@link CodeMapFit#read} reads back. A map that is not one is fitted every time (its fit must have no recipe).
 */
public interface StorableMap extends CodeMap {
    void write(PackedValues packed);
}
