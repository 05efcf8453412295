package org.hapmatrix.util;

/** Receives how far long work has come; the CLI draws it on a terminal. */
public interface Progress {
    Progress NONE = (done, total) -> { };

    /** {@code done} out of {@code total} units; {@code total} is -1 when unknown (standard input). */
    void update(long done, long total);
}
