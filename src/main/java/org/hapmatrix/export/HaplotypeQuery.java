package org.hapmatrix.export;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.hapmatrix.format.Alleles;
import org.hapmatrix.matrix.SamplePair;
import org.hapmatrix.store.SqlTemplate;

/**
 * The haplotype query for a set of pairs and ALT samples: its statement, rendered from sql/ with
 * only quoted identifiers filled in, and its parameter binding per {@link WorkUnit}. Alphabets of
 * up to 64 alleles get ALT as a bit mask ({@code sql/haplotype_sites.sql}, integer work only,
 * the sites with an empty ALT left out); for larger ones the query returns every row with the
 * codes ALT is taken from ({@code sql/haplotype_sites_any_alphabet.sql}) and {@link SiteColumns}
 * takes it ({@link #altInJava}). The pairs' codes come as one column per pair sample for up to
 * {@value #MAX_PER_COLUMN_SAMPLES} of them, else as the list column {@code pair_alleles};
 * {@link SiteColumns} reads either.
 *
 * @param sql              the statement; {@link #bind} sets its parameters
 * @param missingShift     the N allele's bit in the alt_mask column, as a right shift of its top bit
 *                         (64, no bit, if the alphabet has no N)
 * @param maskLeadingZeros where the alt_mask column's bits start: code c is the bit with this many
 *                         plus c leading zeros (0 for 64-bit bits, 56 for one-byte bits; see
 *                         {@code sql/export/haplotype_sites.allele_bit.sql} for why from the top)
 * @param altInJava        for alphabets over 64 alleles, how {@link SiteColumns} takes ALT; null when
 *                         the query's alt_mask column (a UBIGINT bit mask over ENUM codes) holds it
 */
record HaplotypeQuery(String sql, int missingShift, int maskLeadingZeros, AltInJava altInJava) {
    /**
     * ALT taken from the codes of each row: the distinct codes of the ALT samples minus REF's and
     * minus N's, ascending (the alt_alleles rule of sql/load/create_allele_macros.sql).
     *
     * @param fromPairs    whether the ALT samples are the pairs' samples (their codes are read once);
     *                     else the query's alt_sample_codes column holds them
     * @param missingCode  N's ENUM code, or -1 when the alphabet has none
     * @param alphabetSize the number of ENUM codes
     * @param everyRow     whether rows with an empty ALT are kept ({@code --gaps deletion})
     */
    record AltInJava(boolean fromPairs, int missingCode, int alphabetSize, boolean everyRow) {
    }

    static final int MASK_BITS = 64;
    /** Alphabets up to this size OR their ALT bits in one byte. */
    static final int NARROW_MASK_BITS = 8;
    /**
     * Up to this many pair samples (and, separately, ALT samples) the query takes its per-column
     * shape: one result column per pair sample, ALT bits in an OR tree; beyond, lists (see
     * {@code sql/haplotype_sites.sql}).
     */
    static final int MAX_PER_COLUMN_SAMPLES = 256;
    /** Result column names of the per-column pair samples: this prefix and the sample's index among them. */
    static final String PAIR_COLUMN_PREFIX = "pair_code_";

    static HaplotypeQuery of(List<SamplePair> pairs, List<String> altSamples, List<String> alleles) {
        return of(pairs, altSamples, alleles, false);
    }

    /** With {@code everyRow}, also the rows whose ALT is empty ({@code --gaps deletion}: one may anchor a deletion). */
    static HaplotypeQuery of(List<SamplePair> pairs, List<String> altSamples, List<String> alleles, boolean everyRow) {
        List<String> pairSamples = new ArrayList<>();
        for (SamplePair pair : pairs) {
            pairSamples.add(SqlTemplate.quote(pair.sampleA()));
            pairSamples.add(SqlTemplate.quote(pair.sampleB()));
        }
        List<String> quotedAltSamples = altSamples.stream().map(SqlTemplate::quote).toList();
        String pairAlleles = pairSamples.isEmpty() || pairSamples.size() > MAX_PER_COLUMN_SAMPLES
                ? pairList(pairSamples) : pairColumns(pairSamples);
        int missingCode = alleles.indexOf(Alleles.MISSING);
        if (alleles.size() > MASK_BITS) {
            boolean fromPairs = !pairSamples.isEmpty() && new HashSet<>(pairSamples).equals(new HashSet<>(quotedAltSamples));
            String altSampleCodes = fromPairs || quotedAltSamples.isEmpty() ? ""
                    : SqlTemplate.named("export/haplotype_sites_any_alphabet.alt_sample_codes").render(Map.of(
                            "alt_codes", SqlTemplate.list(renderEach("export/haplotype_sites.pair_code", quotedAltSamples))));
            return new HaplotypeQuery(SqlTemplate.named("export/haplotype_sites_any_alphabet").render(Map.of(
                    "pair_alleles", pairAlleles, "alt_sample_codes", altSampleCodes)), 0, 0,
                    new AltInJava(fromPairs, missingCode, alleles.size(), everyRow));
        }
        boolean narrow = alleles.size() <= NARROW_MASK_BITS;
        String bitFragment = narrow ? "export/haplotype_sites.allele_bit_narrow" : "export/haplotype_sites.allele_bit";
        List<String> alleleBits = renderEach(bitFragment, quotedAltSamples);
        String altBits = quotedAltSamples.size() <= MAX_PER_COLUMN_SAMPLES ? orTree(alleleBits)
                : SqlTemplate.named("export/haplotype_sites.alt_bit_list").render(Map.of("allele_bits", SqlTemplate.list(alleleBits)));
        String refBit = SqlTemplate.named(bitFragment).render(Map.of("sample", SqlTemplate.quote("ref")));
        int leadingZeros = narrow ? MASK_BITS - NARROW_MASK_BITS : 0;
        return new HaplotypeQuery(SqlTemplate.named("export/haplotype_sites").render(Map.of("alt_bits", altBits, "pair_alleles", pairAlleles,
                        "ref_bit", refBit,
                        "written", SqlTemplate.statement(everyRow ? "export/haplotype_sites.every_row" : "export/haplotype_sites.written"))),
                missingCode < 0 ? MASK_BITS : leadingZeros + missingCode, leadingZeros, null);
    }

    /** The pairs' codes as one list column, pair_alleles (also when there is no pair). */
    private static String pairList(List<String> quotedPairSamples) {
        if (quotedPairSamples.isEmpty()) {
            return SqlTemplate.statement("export/haplotype_sites.no_pairs");
        }
        return SqlTemplate.named("export/haplotype_sites.pair_list").render(Map.of("pair_codes",
                SqlTemplate.list(renderEach("export/haplotype_sites.pair_code", quotedPairSamples))));
    }

    /** One code column per pair sample, named {@value #PAIR_COLUMN_PREFIX} and its index. */
    private static String pairColumns(List<String> quotedPairSamples) {
        SqlTemplate column = SqlTemplate.named("export/haplotype_sites.pair_column");
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < quotedPairSamples.size(); i++) {
            columns.add(column.render(Map.of("sample", quotedPairSamples.get(i), "column", SqlTemplate.quote(PAIR_COLUMN_PREFIX + i))));
        }
        return SqlTemplate.list(columns);
    }

    /** The bits ORed pairwise, level by level: a tree of logarithmic depth (DuckDB limits expression depth). */
    private static String orTree(List<String> bits) {
        SqlTemplate or = SqlTemplate.named("export/haplotype_sites.bit_or");
        List<String> level = bits;
        while (level.size() > 1) {
            List<String> next = new ArrayList<>();
            for (int i = 0; i + 1 < level.size(); i += 2) {
                next.add(or.render(Map.of("left", level.get(i), "right", level.get(i + 1))));
            }
            if (level.size() % 2 == 1) {
                next.add(level.get(level.size() - 1));
            }
            level = next;
        }
        return level.get(0);
    }

    /** The fragment {@code name} rendered once per quoted sample column. */
    private static List<String> renderEach(String name, List<String> quotedSamples) {
        SqlTemplate fragment = SqlTemplate.named(name);
        return quotedSamples.stream().map(sample -> fragment.render(Map.of("sample", sample))).toList();
    }
    /** Sets the parameters of {@link #sql} for one work unit, in the order its sql/ file lists them. */
    void bind(PreparedStatement statement, WorkUnit unit) throws SQLException {
        int parameter = 1;
        if (altInJava == null) {
            statement.setInt(parameter++, missingShift);
        }
        statement.setLong(parameter++, unit.firstRow());
        statement.setLong(parameter++, unit.lastRow());
        for (int copy = 0; copy < 2; copy++) {
            if (unit.onlyContig() == null) {
                statement.setNull(parameter++, Types.VARCHAR);
            } else {
                statement.setString(parameter++, unit.onlyContig());
            }
        }
        Region region = unit.region();
        for (long value : region == null ? new long[3] : new long[] {region.to(), region.to(), region.from()}) {
            if (region == null) {
                statement.setNull(parameter++, Types.BIGINT);
            } else {
                statement.setLong(parameter++, value);
            }
        }
    }
}
