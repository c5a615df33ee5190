package org.latentmap.kernel;

/**
 * A cell whose code did not compile: the message holds the compiler's diagnostics with the offending source.
 * It carries no stack trace: the kernel's own frames say nothing about the user's code.
 */
public final class CompilationException extends Exception {
    public CompilationException(String message) {
        super(message, null, false, false);
    }
}
