package org.latentmap.kernel;

import java.util.List;

/**
 * A cell that threw while running. {@link #exceptionClass()} is the user's exception class, and
 * {@link #trace()} the stack trace lines that belong to the user's code (the kernel's own frames cut off).
 */
public final class EvaluationException extends Exception {
    private final String exceptionClass;
    private final List<String> trace;

    /** {@code userFrames} become this exception's stack trace, so whatever prints it shows the user's code. */
    public EvaluationException(
            String exceptionClass, String message, List<String> trace, StackTraceElement[] userFrames) {
        super(message);
        this.exceptionClass = exceptionClass;
        this.trace = List.copyOf(trace);
        setStackTrace(userFrames);
    }

    public String exceptionClass() {
        return exceptionClass;
    }

    public List<String> trace() {
        return trace;
    }
}
