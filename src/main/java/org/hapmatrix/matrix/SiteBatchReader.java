package org.hapmatrix.matrix;

import java.util.List;

/**
 * The seam every input format plugs into: a stream of site batches with the names and codes they
 * refer to. A reader fills {@link SiteBatch}es with small integer codes (alleles and contigs in
 * order of first appearance, see {@link ValueDictionary}); the loader turns them into the
 * database's {@code matrix} table. The genome matrix's text parser is one implementation; a VCF or
 * BCF reader is another.
 */
public interface SiteBatchReader extends AutoCloseable {
    /** The column names: the sample (haplotype) columns are the matrix table's allele columns. */
    MatrixHeader header();

    /** The pairs the database records as its default pairs (a matrix: the a/b naming rule). */
    List<SamplePair> defaultPairs();

    /** The allele strings seen so far, by code; grows while reading. */
    ValueDictionary alleles();

    /** The contig names seen so far, by code; grows while reading. */
    ValueDictionary contigs();

    /** Fills {@code batch} (cleared first) with the next sites; false when no site was left. */
    boolean fill(SiteBatch batch);

    long sitesRead();

    /**
     * How many alleles the batches filled so far may use (their codes are below it): the
     * dictionary's size, unless batches are parsed ahead ({@link PrefetchingSiteBatchReader}).
     */
    default int allelesUsed() {
        return alleles().size();
    }

    /** Input bytes consumed so far, for progress. */
    long bytesRead();

    /** The input's size in bytes, or -1 when unknown (a stream). */
    long bytesTotal();

    /** The input as named in messages and in load_info. */
    String sourceName();

    /** Whether the same input can be opened again from its start (a file, not a stream). */
    boolean sourceRereadable();

    /** The phase sets read so far, or null when the input has none (a genome matrix never has). */
    default PhaseSets phaseSets() {
        return null;
    }

    @Override
    void close();
}
