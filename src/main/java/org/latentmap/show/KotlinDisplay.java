package org.latentmap.show;

import java.util.Map;
import kotlin.Pair;
import org.jetbrains.kotlinx.jupyter.api.DisplayResult;
import org.jetbrains.kotlinx.jupyter.api.ResultsKt;

/**
 * The Kotlin kernel's side of {@link Rich}: kept in its own class so that Kotlin's runtime is loaded only
 * when the Kotlin kernel asks for a rendering, never in the Java kernel or on the command line.
 */
final class KotlinDisplay {
    private KotlinDisplay() {}

    @SuppressWarnings("unchecked")
    static DisplayResult of(Map<String, String> bundle) {
        Pair<String, String>[] pairs = new Pair[bundle.size()];
        int i = 0;
        for (Map.Entry<String, String> entry : bundle.entrySet()) {
            pairs[i++] = new Pair<>(entry.getKey(), entry.getValue());
        }
        return ResultsKt.MIME(pairs);
    }
}
