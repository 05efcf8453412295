package org.hapmatrix.store;

/** Turns DuckDB's multi-line error texts into the one line a CLI prints. */
public final class DuckDbErrors {
    private DuckDbErrors() {
    }

    public static String oneLine(Throwable error) {
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        // DuckDB appends "LINE 1: ..." context and a caret line; the first sentence is what matters.
        int lineContext = message.indexOf("\nLINE ");
        if (lineContext >= 0) {
            message = message.substring(0, lineContext);
        }
        return message.replaceAll("\\s*\\n\\s*", " ").strip();
    }
}
