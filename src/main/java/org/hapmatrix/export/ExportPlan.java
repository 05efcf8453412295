package org.hapmatrix.export;

import java.util.List;
import org.hapmatrix.matrix.SamplePair;
import org.hapmatrix.store.ContigInfo;

/**
 * An {@link ExportRequest} resolved against a loaded database: the pairs (in output order), the
 * samples ALT is computed over, the contigs (in output order) and how many worker threads run the
 * per-contig queries; with regions ({@code -r/-R}), each contig's merged regions (a contig without is not written).
 */
public record ExportPlan(List<SamplePair> pairs, List<String> altSamples, List<ContigInfo> contigs, int threads,
                         java.util.Map<String, List<Region>> regions, List<String> unpaired) {
    public ExportPlan(List<SamplePair> pairs, List<String> altSamples, List<ContigInfo> contigs, int threads) {
        this(pairs, altSamples, contigs, threads, java.util.Map.of(), List.of());
    }

    public ExportPlan {
        unpaired = List.copyOf(unpaired);
        pairs = List.copyOf(pairs);
        altSamples = List.copyOf(altSamples);
        contigs = List.copyOf(contigs);
        regions = java.util.Map.copyOf(regions);
        if (altSamples.isEmpty()) {
            throw new IllegalArgumentException("ALT needs at least one sample");
        }
    }
}
