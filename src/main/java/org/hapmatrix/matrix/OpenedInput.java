package org.hapmatrix.matrix;

import java.util.List;

/**
 * An input opened for loading, whatever its format: its header is read (so a bad header fails
 * before anything is loaded) and its batches come through {@link #open()}. Each input codec in
 * {@code org.hapmatrix.format} returns one.
 */
public interface OpenedInput extends MatrixSource, AutoCloseable {
    /** The column names; the sample columns become the matrix table's allele columns. */
    MatrixHeader header();

    /** Checks names to keep ({@code --samples}: samples or pair names) against the input's, before loading. */
    void validateSamples(List<String> wanted, List<SamplePair> explicitPairs);

    /** Checks explicit pairs against the input's samples, before loading. */
    void validatePairs(List<SamplePair> pairs);

    /** Whether only the contigs asked for are read (through an index), so everything loaded is selected. */
    default boolean readsOnlySelectedContigs() {
        return false;
    }

    /** Whether its readers give phase sets ({@link SiteBatchReader#phaseSets()}). */
    default boolean hasPhaseSets() {
        return false;
    }

    /** What the summary line adds about the input's reading (VCF: calls the phase rules changed), or empty. */
    default String note() {
        return "";
    }

    @Override
    void close();
}
