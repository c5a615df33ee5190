package org.latentmap.relocation;

import java.util.function.BiFunction;
import org.latentmap.linalg.CodeMatrix;
import org.latentmap.store.PackedValues;

/**
 * A way of fitting a {@link CodeMap} to pairs of codes, row i of both being one image: the linear fits of
 * {@link MapFit}, or a linear map with a residual network ({@link ResidualMlpFit}).
 */
public interface CodeMapFit {
    /**
     * A fit from one function, for trying an idea in a notebook cell:
     * {@code CodeMapFit.of("my map", (source, target) -> LinearMap.of(...))}. It has no recipe, so its maps
     * are fitted every time, never read from the store.
     */
    static CodeMapFit of(String name, BiFunction<CodeMatrix, CodeMatrix, CodeMap> fit) {
        if (name == null || name.isBlank() || fit == null) {
            throw new IllegalArgumentException(
                    "a map fit needs a name (for tables) and a function from (source, target) codes to a map");
        }
        return new CodeMapFit() {
            @Override
            public CodeMap fit(CodeMatrix source, CodeMatrix target) {
                CodeMap map = fit.apply(source, target);
                if (map == null) {
                    throw new IllegalStateException("the fit \"" + name + "\" gave no map");
                }
                return map;
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    /** Fits the map taking {@code source} rows to {@code target} rows. */
    CodeMap fit(CodeMatrix source, CodeMatrix target);

    String name();

    /**
     * Everything besides the codes that decides the fitted map (the method, its settings and seeds, a
     * version that changes with its computation), so that a zoo relocation's map can be stored and read back
     * in a later run; null (the default) when the fit cannot say, and its maps are fitted every time.
     */
    default String recipe() {
        return null;
    }

    /**
     * A map of this fit, read back from the zoo's store, where {@link StorableMap#write} wrote it: {@code kind} is the
     * number it wrote first, {@code fit} the map's fit name. The default reads a {@link LinearMap}, which most fits
     * give; a fit of another kind of map reads its own.
     */
    default CodeMap read(int kind, PackedValues.Reader packed, String fit) {
        if (kind != LinearMap.STORED_KIND) {
            throw new IllegalArgumentException(
                    "a stored map of kind " + kind + ", which " + name() + " cannot read: give it read(...)");
        }
        return LinearMap.read(packed, fit);
    }
}
