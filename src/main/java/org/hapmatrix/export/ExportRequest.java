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
 * @param regions  {@code -r}/{@code -R}: write only sites overlapping these; empty writes all
 * @param sitesOnly the user asked for the sites without any pair ({@code --sites-only})
 * @param pairsOptional a use case that needs no pair (stats: per-sample figures); otherwise no
 *                      pair selected is an error, unless {@code sitesOnly}
 */
public record ExportRequest(List<SamplePair> pairs, List<String> samples, List<String> contigs, AltFrom altFrom,
                            List<Region> regions, boolean sitesOnly, boolean pairsOptional) {
    public ExportRequest {
        pairs = List.copyOf(pairs);
        samples = List.copyOf(samples);
        contigs = List.copyOf(contigs);
        regions = List.copyOf(regions);
    }

    /** A request as the command line gives it: pairs required unless {@code sitesOnly}. */
    public ExportRequest(List<SamplePair> pairs, List<String> samples, List<String> contigs, AltFrom altFrom,
                         List<Region> regions, boolean sitesOnly) {
        this(pairs, samples, contigs, altFrom, regions, sitesOnly, false);
    }

    /** A request that wants pairs (no pair selected is an error), for every site. */
    public ExportRequest(List<SamplePair> pairs, List<String> samples, List<String> contigs, AltFrom altFrom) {
        this(pairs, samples, contigs, altFrom, List.of(), false);
    }

    /** A request that wants pairs, for the sites in {@code regions}. */
    public ExportRequest(List<SamplePair> pairs, List<String> samples, List<String> contigs, AltFrom altFrom,
                         List<Region> regions) {
        this(pairs, samples, contigs, altFrom, regions, false);
    }

    /**
     * The contigs to read: with regions, only theirs (an indexed input then reads only those),
     * else those of {@link #contigs()}.
     */
    public List<String> contigsToRead() {
        return Region.contigsToRead(regions, contigs);
    }

    /** This request for every contig of its input (an input that already holds only the selected ones). */
    public ExportRequest withEveryContig() {
        return new ExportRequest(pairs, samples, List.of(), altFrom, regions, sitesOnly, pairsOptional);
    }

    /** This request, content with no pair selected (a use case that needs sites or samples only). */
    public ExportRequest withPairsOptional() {
        return new ExportRequest(pairs, samples, contigs, altFrom, regions, sitesOnly, true);
    }

    /** The whole table: default pairs, every contig, ALT over all samples. */
    public static ExportRequest everything() {
        return new ExportRequest(List.of(), List.of(), List.of(), AltFrom.all);
    }
}
