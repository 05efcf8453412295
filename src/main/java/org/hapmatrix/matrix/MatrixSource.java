package org.hapmatrix.matrix;







/**
 * Opens a matrix for parsing, possibly more than once: a file can be read again from the start
 * (the loader does so in the rare case its alphabet grows late), standard input cannot.
 */
public interface MatrixSource {
    /** A parser positioned at the first site; the caller closes it. */
    SiteBatchReader open();

    /** Whether {@link #open()} may be called again. */
    boolean reopenable();

    /** The matrix as named in messages and in the database's load_info. */
    String name();

    /** Its size on disk, or -1 for standard input. */
    long sizeBytes();

    /** Where the column names came from, for load_info. */
    String headerSource();
}
