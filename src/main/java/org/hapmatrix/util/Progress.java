package org.hapmatrix.util;

/** Receives how far long work has come; the CLI draws it on a terminal. */
public interface Progress {
    Progress NONE = (done, total) -> { };

    /** {@code done} out of {@code total} units; {@code total} is -1 when unknown (standard input). */
    void update(long done, long total);

    /** Opens a progress sink per phase of a run ({@code convert}, {@code load}, {@code export}). */
    interface Phases {
        Phase start(String phase, String unit, long unitSize);
    }

    /** One phase's progress, closed when the phase ends. */
    interface Phase extends Progress, AutoCloseable {
        @Override
        void close();
    }
}
