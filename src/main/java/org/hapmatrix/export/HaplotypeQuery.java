package org.hapmatrix.export;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hapmatrix.matrix.SamplePair;
import org.hapmatrix.store.SqlTemplate;

/**
 * The haplotype query for a set of pairs and ALT samples: its statement, rendered from sql/ with
 * only quoted identifiers filled in, and its parameter binding per {@link WorkUnit}. Alphabets of
 * up to 64 alleles get ALT as a bit mask ({@code sql/haplotype_sites.sql}, integer work only);
 * larger ones get ALT as a list of ENUM codes ({@code sql/haplotype_sites_any_alphabet.sql}).
 *
 * @param sql              the statement; {@link #bind} sets its parameters
 * @param altAsMask        whether the ALT column is a UBIGINT bit mask over ENUM codes (else a list of ENUM codes)
 * @param missingAlleleBit bit of the N allele's ENUM code (0 if the alphabet has no N)
 */
record HaplotypeQuery(String sql, boolean altAsMask, long missingAlleleBit) {
    static final int MASK_BITS = 64;

    static HaplotypeQuery of(List<SamplePair> pairs, List<String> altSamples, List<String> alleles) {
        List<String> pairSamples = new ArrayList<>();
        for (SamplePair pair : pairs) {
            pairSamples.add(SqlTemplate.quote(pair.sampleA()));
            pairSamples.add(SqlTemplate.quote(pair.sampleB()));
        }
        Map<String, String> columns = Map.of(
                "alt_samples", SqlTemplate.list(altSamples.stream().map(SqlTemplate::quote).toList()),
                "pair_alleles", pairSamples.isEmpty() ? SqlTemplate.statement("haplotype_sites.no_pairs")
                        : SqlTemplate.named("haplotype_sites.pair_list").render(Map.of("pair_codes",
                                SqlTemplate.list(renderEach("haplotype_sites.pair_code", pairSamples)))),
                "alt_bits", SqlTemplate.list(renderEach("haplotype_sites.allele_bit",
                        altSamples.stream().map(SqlTemplate::quote).toList())));
        if (alleles.size() > MASK_BITS) {
            return new HaplotypeQuery(SqlTemplate.named("haplotype_sites_any_alphabet").render(columns), false, 0);
        }
        int missingCode = alleles.indexOf(Alleles.MISSING);
        return new HaplotypeQuery(SqlTemplate.named("haplotype_sites").render(columns), true,
                missingCode < 0 ? 0 : 1L << missingCode);
    }

    /** The fragment {@code name} rendered once per quoted sample column. */
    private static List<String> renderEach(String name, List<String> quotedSamples) {
        SqlTemplate fragment = SqlTemplate.named(name);
        return quotedSamples.stream().map(sample -> fragment.render(Map.of("sample", sample))).toList();
    }

    /** Sets the parameters of {@link #sql} for one work unit, in the order its sql/ file lists them. */
    void bind(PreparedStatement statement, WorkUnit unit) throws SQLException {
        int parameter = 1;
        if (altAsMask) {
            statement.setLong(parameter++, missingAlleleBit);
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
    }
}
