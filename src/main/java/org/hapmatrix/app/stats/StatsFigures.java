package org.hapmatrix.app.stats;

import java.util.List;

/**
 * The figures of one {@code stats} run, section by section (docs/stats.md defines every column).
 *
 * @param windowSize the width, in positions, of the WINDOW section's windows
 */
public record StatsFigures(Summary summary, List<SampleRow> samples, List<PairRow> pairs, List<ContigRow> contigs,
                           List<CountRow> altAlleles, List<CountRow> altCopies, List<WindowRow> windows,
                           long windowSize) {
    public StatsFigures {
        samples = List.copyOf(samples);
        pairs = List.copyOf(pairs);
        contigs = List.copyOf(contigs);
        altAlleles = List.copyOf(altAlleles);
        altCopies = List.copyOf(altCopies);
        windows = List.copyOf(windows);
    }

    /** Totals over the selection. */
    public record Summary(long sites, long altSites, long multiallelicSites, int contigs, int samples, int pairs) {
    }

    /** Section SAMPLE: one sample over the selected contigs' sites; calls + missing + gaps = sites. */
    public record SampleRow(String sample, long sites, long calls, long missing, long gaps) {
        public double shareMissing() {
            return sites == 0 ? 0 : (double) missing / sites;
        }
    }

    /** Section PAIR: one pair over the sites with an ALT; compared = sites - missing. */
    public record PairRow(String pair, String sampleA, String sampleB, long sites, long missing, long differ) {
        public long compared() {
            return sites - missing;
        }

        public double shareDiffer() {
            return compared() == 0 ? 0 : (double) differ / compared();
        }
    }

    /** Section CONTIG. */
    public record ContigRow(String contig, long sites, long altSites, long multiallelicSites, long firstPos, long lastPos) {
    }

    /** Sections ALT_ALLELES and AC: how many sites have a given count. */
    public record CountRow(long count, long sites) {
    }

    /** Section WINDOW: one pair in one window [start, start + windowSize - 1] of a contig. */
    public record WindowRow(String pair, String contig, long start, long sites, long missing, long differ) {
        public long compared() {
            return sites - missing;
        }
    }
}
