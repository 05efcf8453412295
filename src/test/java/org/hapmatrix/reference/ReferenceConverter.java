package org.hapmatrix.reference;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Test oracle: a deliberately naive, in-memory implementation of README "Output" (ALT, the pair
 * columns, the order of sites).
 *
 * <p>It shares no code with the production path (no DuckDB, no SQL) so that a bug there cannot
 * hide behind the same bug here. Clarity wins over speed: everything is held in memory.
 */
public final class ReferenceConverter {

    /** Columns 0..2 are contig, position, reference allele; samples start after them. */
    public static final int FIRST_SAMPLE_COLUMN = 3;

    private static final String MISSING = "N";
    private static final String GAP = "-";

    /**
     * README "Output"'s "byte order": unsigned comparison of the UTF-8 encodings. Not
     * String.compareTo, which compares UTF-16 units and disagrees for some non-ASCII names.
     */
    public static final Comparator<String> BYTE_ORDER = (left, right) -> Arrays.compareUnsigned(
            left.getBytes(StandardCharsets.UTF_8), right.getBytes(StandardCharsets.UTF_8));

    private ReferenceConverter() {
    }

    /**
     * Default pairs: each sample {@code Xa} whose partner {@code Xb} is also a sample forms pair
     * {@code XaXb}. Sorted by pair name in byte order; samples without a partner are left out.
     */
    public static List<ReferencePair> defaultPairs(List<String> columnNames) {
        // Distinct names, so a duplicated column cannot produce the same pair twice.
        Set<String> samples = new LinkedHashSet<>(sampleNames(columnNames));
        List<ReferencePair> pairs = new ArrayList<>();
        for (String sampleA : samples) {
            if (!sampleA.endsWith("a")) {
                continue;
            }
            String sampleB = sampleA.substring(0, sampleA.length() - 1) + "b";
            if (samples.contains(sampleB)) {
                pairs.add(new ReferencePair(sampleA + sampleB, sampleA, sampleB));
            }
        }
        pairs.sort(Comparator.comparing(ReferencePair::name, BYTE_ORDER));
        return pairs;
    }

    /**
     * Converts a whole matrix to the haplotype table text, header line included.
     *
     * @param columnNames   full header: contig, pos, ref, then the samples
     * @param rows          data lines split on tab, each with {@code columnNames.size()} fields
     * @param pairs         pairs to write, in output order
     * @param contigsOrNull contigs to write, or {@code null} for all
     */
    public static String convert(List<String> columnNames, List<List<String>> rows,
            List<ReferencePair> pairs, Set<String> contigsOrNull) {
        int[][] pairColumns = resolvePairColumns(columnNames, pairs);

        // Keyed by contig in order of first appearance in the input (any row, written or not).
        Map<String, List<String>> outputLinesByContig = new LinkedHashMap<>();
        int lineNumber = 0;
        for (List<String> row : rows) {
            lineNumber++;
            if (row.size() != columnNames.size()) {
                throw new IllegalArgumentException("row " + lineNumber + " has " + row.size()
                        + " fields, expected " + columnNames.size());
            }
            String contig = row.get(0);
            if (contigsOrNull != null && !contigsOrNull.contains(contig)) {
                continue;
            }
            List<String> contigLines = outputLinesByContig.computeIfAbsent(contig, c -> new ArrayList<>());
            String line = convertSite(row, pairColumns);
            if (line != null) {
                contigLines.add(line);
            }
        }

        StringBuilder out = new StringBuilder();
        out.append(headerLine(pairs)).append('\n');
        for (List<String> contigLines : outputLinesByContig.values()) {
            for (String line : contigLines) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    /** The output header: fixed first four columns, then two columns per pair. */
    public static String headerLine(List<ReferencePair> pairs) {
        StringBuilder header = new StringBuilder("contig\tpos\tref\talt");
        for (ReferencePair pair : pairs) {
            header.append('\t').append(pair.name()).append("_PI");
            header.append('\t').append(pair.name()).append("_PG_al");
        }
        return header.toString();
    }

    /** One output line for the site, or {@code null} when its ALT is empty (site not written). */
    private static String convertSite(List<String> row, int[][] pairColumns) {
        String contig = row.get(0);
        String pos = row.get(1);
        String ref = row.get(2);

        TreeSet<String> alt = altAlleles(row);
        if (alt.isEmpty()) {
            return null;
        }

        StringBuilder line = new StringBuilder();
        line.append(contig).append('\t').append(pos).append('\t').append(ref).append('\t')
                .append(String.join(",", alt));
        for (int[] columns : pairColumns) {
            line.append('\t').append(contig);
            line.append('\t').append(phasedAllele(row.get(columns[0]), ref))
                    .append('|').append(phasedAllele(row.get(columns[1]), ref));
        }
        return line.toString();
    }

    /** A site's ALT: the distinct alleles of ALL samples, paired or not, minus N and REF ("-" stays in), in byte order. */
    public static TreeSet<String> altAlleles(List<String> row) {
        TreeSet<String> alt = new TreeSet<>(BYTE_ORDER);
        alt.addAll(row.subList(FIRST_SAMPLE_COLUMN, row.size()));
        alt.remove(MISSING);
        alt.remove(row.get(2));
        return alt;
    }

    /** Missing and gap calls are shown as the reference allele (whole-value match only). */
    public static String phasedAllele(String value, String ref) {
        return value.equals(MISSING) || value.equals(GAP) ? ref : value;
    }

    /** Column indexes {sampleA, sampleB} per pair; only sample columns are searched. */
    private static int[][] resolvePairColumns(List<String> columnNames, List<ReferencePair> pairs) {
        int[][] columns = new int[pairs.size()][];
        for (int i = 0; i < pairs.size(); i++) {
            ReferencePair pair = pairs.get(i);
            columns[i] = new int[] {
                sampleColumn(columnNames, pair.sampleA()), sampleColumn(columnNames, pair.sampleB())
            };
        }
        return columns;
    }

    private static int sampleColumn(List<String> columnNames, String sample) {
        int index = sampleNames(columnNames).indexOf(sample);
        if (index < 0) {
            throw new IllegalArgumentException("unknown sample in pair: " + sample);
        }
        return FIRST_SAMPLE_COLUMN + index;
    }

    private static List<String> sampleNames(List<String> columnNames) {
        if (columnNames.size() < FIRST_SAMPLE_COLUMN) {
            throw new IllegalArgumentException("need at least contig, pos, ref columns: " + columnNames);
        }
        return columnNames.subList(FIRST_SAMPLE_COLUMN, columnNames.size());
    }
}
