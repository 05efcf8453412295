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
        message = message.replaceAll("\\s*\\n\\s*", " ").strip();
        // Out of memory, DuckDB goes on to suggest SQL settings; this tool's own knob is --memory-limit.
        // But when the spill folder ran out of room, more memory is not the first thing to try.
        int spillLimit = message.indexOf(" This limit was set by the 'max_temp_directory_size' setting");
        if (spillLimit >= 0) {
            return message.substring(0, spillLimit)
                    + " (the spill folder in --tmp-dir is full: free space there, or give --tmp-dir a folder on a larger disk)";
        }
        int advice = message.indexOf(" Possible solutions:");
        if (advice >= 0 && (message.contains("Out of Memory") || message.contains("could not allocate"))) {
            message = message.substring(0, advice) + " (raise --memory-limit)";
        }
        return message;
    }
}
