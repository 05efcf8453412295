package org.hapmatrix;

/**
 * A failure the user can act on: bad input, a bad option, an unusable file.
 * Its message is the one line printed after "hapmatrix: "; {@link #isUsageError()} picks exit code 2 over 1.
 */
public class HapmatrixException extends RuntimeException {
    private final boolean usageError;

    public HapmatrixException(String message) {
        this(message, false, null);
    }

    public HapmatrixException(String message, Throwable cause) {
        this(message, false, cause);
    }

    protected HapmatrixException(String message, boolean usageError, Throwable cause) {
        super(message, cause);
        this.usageError = usageError;
    }

    /** An error in how the command was called (exit code 2), rather than in the data or the machine (exit code 1). */
    public static HapmatrixException usage(String message) {
        return new HapmatrixException(message, true, null);
    }

    /** A problem at a place in an input file: "FILE:LINE: what is wrong". */
    public static HapmatrixException at(String file, long line, String what) {
        return new HapmatrixException(file + ":" + line + ": " + what);
    }

    public boolean isUsageError() {
        return usageError;
    }
}
