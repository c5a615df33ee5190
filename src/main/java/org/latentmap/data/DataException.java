package org.latentmap.data;

/**
 * Data that cannot be used as asked: a data set that is not installed, a missing or empty folder, a
 * damaged file, an image of the wrong size. The message says what was wrong and what to do about it.
 */
public class DataException extends RuntimeException {
    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
