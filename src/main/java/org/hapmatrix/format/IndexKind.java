package org.hapmatrix.format;

import org.hapmatrix.io.FileExtensions;

/**
 * The index written beside a BGZF output ({@code --index}): htslib's {@code .tbi} (positions up to
 * 2^29) or {@code .csi} (up to 2^41), or none. Both carry the per-contig record counts that
 * {@code bcftools index -n/-s} read.
 */
public enum IndexKind {
    tbi(FileExtensions.TABIX_INDEX),
    csi(FileExtensions.CSI_INDEX),
    none("");

    private final String extension;

    IndexKind(String extension) {
        this.extension = extension;
    }

    /** The index's file name beside {@code file}. */
    public String nameBeside(String file) {
        return file + extension;
    }
}
