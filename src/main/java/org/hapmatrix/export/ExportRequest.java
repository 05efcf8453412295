package org.hapmatrix.export;

import java.util.List;
import org.hapmatrix.matrix.SamplePair;

/**
 * What the user asked to export, as plain values, before any name is checked against a database.
 *
 * @param pairs    explicit pairs in output order, or empty for the database's default a/b pairs
 * @param samples  keep only pairs whose two samples are both listed; empty keeps all
 * @param contigs  contigs to write; empty writes all (always in first-appearance order)
 * @param altFrom  which samples ALT is computed over
 */
public record ExportRequest(List<SamplePair> pairs, List<String> samples, List<String> contigs, AltFrom altFrom,
                            boolean sitesOnly) {
    /** A request that wants pairs (no pair selected is an error). */
    public ExportRequest(List<SamplePair> pairs, List<String> samples, List<String> contigs, AltFrom altFrom) {
        this(pairs, samples, contigs, altFrom, false);
    }

    public ExportRequest {
        pairs = List.copyOf(pairs);
        samples = List.copyOf(samples);
        contigs = List.copyOf(contigs);
    }

    /** The whole table: default pairs, every contig, ALT over all samples. */
    public static ExportRequest everything() {
        return new ExportRequest(List.of(), List.of(), List.of(), AltFrom.all);
    }
}
