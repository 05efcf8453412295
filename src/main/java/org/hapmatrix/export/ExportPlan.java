package org.hapmatrix.export;

import java.util.List;
import org.hapmatrix.matrix.SamplePair;
import org.hapmatrix.store.ContigInfo;

/**
 * An {@link ExportRequest} resolved against a loaded database: the pairs (in output order), the
 * samples ALT is computed over, the contigs (in output order) and how many worker threads run the
 * per-contig queries.
 */
public record ExportPlan(List<SamplePair> pairs, List<String> altSamples, List<ContigInfo> contigs, int threads,
                         List<String> unpaired) {
    public ExportPlan(List<SamplePair> pairs, List<String> altSamples, List<ContigInfo> contigs, int threads) {
        this(pairs, altSamples, contigs, threads, List.of());
    }

    public ExportPlan {
        unpaired = List.copyOf(unpaired);
        pairs = List.copyOf(pairs);
        altSamples = List.copyOf(altSamples);
        contigs = List.copyOf(contigs);
        if (altSamples.isEmpty()) {
            throw new IllegalArgumentException("ALT needs at least one sample");
        }
    }
}
