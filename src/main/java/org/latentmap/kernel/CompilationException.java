package org.latentmap.kernel;

/** A cell whose code did not compile: the message holds the compiler's diagnostics with the offending source. */
public final class CompilationException extends Exception {
    public CompilationException(String message) {
        super(message);
    }
}
