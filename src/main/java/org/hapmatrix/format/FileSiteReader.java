package org.hapmatrix.format;

import org.hapmatrix.io.MatrixInput;
import org.hapmatrix.matrix.SiteBatchReader;
import org.hapmatrix.matrix.ValueDictionary;

/**
 * What every input format's reader of a file (or standard input) keeps the same way: the input,
 * the allele and contig dictionaries it fills, the sites read, and the progress and naming that
 * come from the input. Each format adds its parsing ({@link #fill}) and its header.
 */
abstract class FileSiteReader implements SiteBatchReader {
    final MatrixInput input;
    /** Alleles by code, in order of first appearance; REF values included. */
    final ValueDictionary alleles = new ValueDictionary("allele", MatrixParser.MAX_ALLELES);
    /** Contigs by code, in order of first appearance. */
    final ValueDictionary contigs = new ValueDictionary("contig", Integer.MAX_VALUE);
    long sitesRead;

    FileSiteReader(MatrixInput input) {
        this.input = input;
    }

    @Override
    public final ValueDictionary alleles() {
        return alleles;
    }

    @Override
    public final ValueDictionary contigs() {
        return contigs;
    }

    @Override
    public final long sitesRead() {
        return sitesRead;
    }

    /** Bytes of the file consumed so far (compressed bytes for gzip), for progress. */
    @Override
    public final long bytesRead() {
        return input.rawBytesRead();
    }

    /** Size of the file, or -1 for a stream. */
    @Override
    public final long bytesTotal() {
        return input.compressedSize();
    }

    @Override
    public final String sourceName() {
        return input.name();
    }

    /** Whether the input can be opened again from the start (a regular file, not a stream). */
    @Override
    public final boolean sourceRereadable() {
        return input.rereadable();
    }

    /** Closes the input. */
    @Override
    public void close() {
        input.close();
    }
}
