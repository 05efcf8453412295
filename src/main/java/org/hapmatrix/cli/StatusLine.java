package org.hapmatrix.cli;

import java.io.PrintWriter;
import org.hapmatrix.matrix.MatrixInput;
import org.hapmatrix.store.LoadProgress;

/**
 * What a command says on stderr besides errors: progress while it works (only on a terminal)
 * and a one-line summary at the end; nothing with --quiet.
 */
final class StatusLine {
    private final PrintWriter err;
    private final boolean quiet;
    private final long startNanos = System.nanoTime();

    StatusLine(PrintWriter err, boolean quiet) {
        this.err = err;
        this.quiet = quiet;
    }

    /** Progress of reading {@code input}; silent unless stderr is a terminal. */
    Progress progress(String task, MatrixInput input) {
        return new Progress();
    }

    /** The closing summary, e.g. "hapmatrix: 4000000 sites read, 1950805 written, 4 contigs, 2.6 s". */
    void summary(String text) {
        if (!quiet) {
            err.printf("hapmatrix: %s, %.1f s%n", text, (System.nanoTime() - startNanos) / 1e9);
            err.flush();
        }
    }

    /** Receives the load's progress. */
    static final class Progress implements LoadProgress, AutoCloseable {
        @Override
        public void sitesParsed(long sites) {
        }

        @Override
        public void close() {
        }
    }
}
