package org.hapmatrix.util;

/**
 * Phase timings on stderr when the environment variable HAPMATRIX_TIMINGS is set: where the
 * time of a run goes, for benchmarks and tuning, at no cost otherwise.
 */
public final class PhaseTimer {
    private static final boolean ENABLED = System.getenv("HAPMATRIX_TIMINGS") != null;
    private static final long START = System.nanoTime();

    private PhaseTimer() {
    }

    /** Records that {@code phase} ended now, having started at {@code startNanos}. */
    public static void done(String phase, long startNanos) {
        if (ENABLED) {
            long now = System.nanoTime();
            System.err.printf("timing: %-28s %7.3f s (at %7.3f s)%n", phase, (now - startNanos) / 1e9, (now - START) / 1e9);
        }
    }
}
