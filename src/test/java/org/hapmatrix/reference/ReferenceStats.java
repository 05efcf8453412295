package org.hapmatrix.reference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Test oracle for {@code stats}: docs/stats.md's sections computed naively from the matrix's
 * rows, in memory, sharing no code with the production path (no DuckDB, no SQL). Each section is
 * its lines as {@code stats --format tsv} writes them, without the leading section name.
 */
public final class ReferenceStats {
    private static final String MISSING = "N";
    private static final String GAP = "-";

    private ReferenceStats() {
    }

    /**
     * @param sampleSection the SAMPLE section's samples, in order
     * @param pairs         the selected pairs, in order
     * @param contigsOrNull the selected contigs, or null for all
     * @param altSamples    the samples ALT is computed over
     * @param windowSize    the WINDOW section's window width
     */
    public static Map<String, List<String>> sections(List<String> columnNames, List<List<String>> rows,
            List<String> sampleSection, List<ReferencePair> pairs, Set<String> contigsOrNull, List<String> altSamples,
            long windowSize) {
        List<String> header = columnNames;
        List<String> samples = header.subList(ReferenceConverter.FIRST_SAMPLE_COLUMN, header.size());
        List<List<String>> selected = new ArrayList<>();
        Set<String> contigOrder = new LinkedHashSet<>();
        for (List<String> row : rows) {
            if (contigsOrNull == null || contigsOrNull.contains(row.get(0))) {
                selected.add(row);
                contigOrder.add(row.get(0));
            }
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        long altSites = 0;
        long multiallelic = 0;
        Map<String, long[]> contigs = new LinkedHashMap<>(); // sites, alt, multi, first, last
        contigOrder.forEach(c -> contigs.put(c, new long[] {0, 0, 0, Long.MAX_VALUE, Long.MIN_VALUE}));
        TreeMap<Integer, Long> altCounts = new TreeMap<>();
        TreeMap<Integer, Long> acCounts = new TreeMap<>();
        // pair -> contig -> window start -> {sites, missing, differ}
        List<Map<String, TreeMap<Long, long[]>>> windows = new ArrayList<>();
        pairs.forEach(p -> windows.add(new LinkedHashMap<>()));
        long[][] pairTotals = new long[pairs.size()][3];
        for (List<String> row : selected) {
            String contig = row.get(0);
            long pos = Long.parseLong(row.get(1));
            String ref = row.get(2);
            Set<String> alt = new LinkedHashSet<>();
            for (String sample : altSamples) {
                alt.add(allele(row, samples, sample));
            }
            alt.remove(MISSING);
            alt.remove(ref);
            long[] c = contigs.get(contig);
            c[0]++;
            c[3] = Math.min(c[3], pos);
            c[4] = Math.max(c[4], pos);
            altCounts.merge(alt.size(), 1L, Long::sum);
            if (alt.isEmpty()) {
                continue;
            }
            altSites++;
            c[1]++;
            if (alt.size() > 1) {
                multiallelic++;
                c[2]++;
            }
            int ac = 0;
            for (int i = 0; i < pairs.size(); i++) {
                ReferencePair pair = pairs.get(i);
                String a = allele(row, samples, pair.sampleA());
                String b = allele(row, samples, pair.sampleB());
                ac += (isAltCopy(a, ref) ? 1 : 0) + (isAltCopy(b, ref) ? 1 : 0);
                boolean missing = isMissing(a) || isMissing(b);
                boolean differ = !missing && !a.equals(b);
                long start = pos - pos % windowSize;
                long[] w = windows.get(i).computeIfAbsent(contig, k -> new TreeMap<>())
                        .computeIfAbsent(start, k -> new long[3]);
                w[0]++;
                w[1] += missing ? 1 : 0;
                w[2] += differ ? 1 : 0;
                pairTotals[i][0]++;
                pairTotals[i][1] += missing ? 1 : 0;
                pairTotals[i][2] += differ ? 1 : 0;
            }
            acCounts.merge(ac, 1L, Long::sum);
        }
        out.put("SN", List.of("sites\t" + selected.size(), "alt_sites\t" + altSites,
                "multiallelic_sites\t" + multiallelic, "contigs\t" + contigOrder.size(),
                "samples\t" + sampleSection.size(), "pairs\t" + pairs.size(), "window_size\t" + windowSize));
        List<String> sampleLines = new ArrayList<>();
        for (String sample : sampleSection) {
            long missing = 0;
            long gaps = 0;
            for (List<String> row : selected) {
                String allele = allele(row, samples, sample);
                missing += allele.equals(MISSING) ? 1 : 0;
                gaps += allele.equals(GAP) ? 1 : 0;
            }
            long sites = selected.size();
            sampleLines.add(String.join("\t", sample, Long.toString(sites), Long.toString(sites - missing - gaps),
                    Long.toString(missing), Long.toString(gaps), share(sites == 0 ? 0 : (double) missing / sites)));
        }
        out.put("SAMPLE", sampleLines);
        List<String> pairLines = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            long[] t = pairTotals[i];
            long compared = t[0] - t[1];
            pairLines.add(String.join("\t", pairs.get(i).name(), pairs.get(i).sampleA(), pairs.get(i).sampleB(),
                    Long.toString(t[0]), Long.toString(t[1]), Long.toString(compared), Long.toString(t[2]),
                    share(compared == 0 ? 0 : (double) t[2] / compared)));
        }
        out.put("PAIR", pairLines);
        List<String> contigLines = new ArrayList<>();
        contigs.forEach((name, c) -> contigLines.add(String.join("\t", name, Long.toString(c[0]), Long.toString(c[1]),
                Long.toString(c[2]), Long.toString(c[3]), Long.toString(c[4]))));
        out.put("CONTIG", contigLines);
        List<String> altLines = new ArrayList<>();
        altCounts.forEach((k, v) -> altLines.add(k + "\t" + v));
        out.put("ALT_ALLELES", altLines);
        List<String> acLines = new ArrayList<>();
        acCounts.forEach((k, v) -> acLines.add(k + "\t" + v));
        out.put("AC", acLines);
        List<String> windowLines = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            String name = pairs.get(i).name();
            for (String contig : contigOrder) {
                TreeMap<Long, long[]> byStart = windows.get(i).get(contig);
                if (byStart == null) {
                    continue;
                }
                byStart.forEach((start, w) -> windowLines.add(String.join("\t", name, contig, Long.toString(start),
                        Long.toString(start + windowSize - 1), Long.toString(w[0]), Long.toString(w[1]),
                        Long.toString(w[0] - w[1]), Long.toString(w[2]))));
            }
        }
        out.put("WINDOW", windowLines);
        return out;
    }

    /** An ALT copy: an allele other than REF and N (a gap counts, as VCF's * does in INFO AC). */
    private static boolean isAltCopy(String allele, String ref) {
        return !allele.equals(ref) && !allele.equals(MISSING);
    }

    private static boolean isMissing(String allele) {
        return allele.equals(MISSING) || allele.equals(GAP);
    }

    private static String allele(List<String> row, List<String> samples, String sample) {
        return row.get(ReferenceConverter.FIRST_SAMPLE_COLUMN + samples.indexOf(sample));
    }

    private static String share(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }
}
