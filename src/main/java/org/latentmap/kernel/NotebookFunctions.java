package org.latentmap.kernel;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;

/**
 * The functions an IJava notebook calls, imported statically into every cell: {@code display},
 * {@code updateDisplay} and {@code render}, with IJava's names, arguments and results.
 */
public final class NotebookFunctions {

    private NotebookFunctions() {}

    /** Shows an object now, in the richest form the kernel knows for it; returns the display id. */
    public static String display(Object value) {
        return JavaKernel.current().displayNow(value);
    }

    /** Shows an object now, rendered as the given MIME types; returns the display id. */
    public static String display(Object value, String... mimeTypes) {
        return JavaKernel.current().displayNow(value, mimeTypes);
    }

    /** Replaces what an earlier {@code display} showed (a progress line, a growing chart). */
    public static void updateDisplay(String displayId, Object value) {
        JavaKernel.current().updateDisplay(displayId, value);
    }

    /** Replaces what an earlier {@code display} showed, rendered as the given MIME types. */
    public static void updateDisplay(String displayId, Object value, String... mimeTypes) {
        JavaKernel.current().updateDisplay(displayId, value, mimeTypes);
    }

    /** Renders an object to its display bundle without showing it (a cell ending with it shows it). */
    public static DisplayData render(Object value, String... mimeTypes) {
        return JavaKernel.current().renderObject(value, mimeTypes);
    }
}
