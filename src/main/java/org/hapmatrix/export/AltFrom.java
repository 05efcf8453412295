package org.hapmatrix.export;

/** Which samples ALT is computed over. */
public enum AltFrom {
    /** Every sample of the matrix, as the original program did. */
    all,
    /** Only the samples of the exported pairs. */
    selected
}
