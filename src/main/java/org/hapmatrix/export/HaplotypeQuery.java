package org.hapmatrix.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hapmatrix.matrix.SamplePair;
import org.hapmatrix.store.SqlTemplate;

/**
 * The per-contig haplotype query for a set of pairs and ALT samples, rendered from sql/ with
 * only quoted identifiers filled in. Alphabets of up to 64 alleles get ALT as a bit mask
 * (integer work only); larger ones get ALT as a list of ENUM codes from list functions.
 *
 * @param sql              the statement; its parameters are listed by {@link #parameters}
 * @param altAsMask        whether the ALT column is a UBIGINT bit mask over ENUM codes (else a list of ENUM codes)
 * @param missingAlleleBit bit of the N allele's ENUM code (0 if the alphabet has no N); the mask query's first parameter
 */
record HaplotypeQuery(String sql, boolean altAsMask, long missingAlleleBit) {
    static final int MASK_BITS = 64;
    static final String MISSING = "N";

    static HaplotypeQuery of(List<SamplePair> pairs, List<String> altSamples, List<String> alleles) {
        String pairAlleles = pairAlleles(pairs);
        if (alleles.size() > MASK_BITS) {
            List<String> altColumns = new ArrayList<>();
            for (String sample : altSamples) {
                altColumns.add("m." + SqlTemplate.quote(sample));
            }
            String sql = SqlTemplate.named("haplotype_sites_any_alphabet").render(Map.of(
                    "pair_alleles", pairAlleles, "alt_samples", SqlTemplate.list(altColumns)));
            return new HaplotypeQuery(sql, false, 0);
        }
        SqlTemplate bit = SqlTemplate.named("haplotype_sites.allele_bit");
        List<String> bits = new ArrayList<>();
        for (String sample : altSamples) {
            bits.add(bit.render(Map.of("sample", SqlTemplate.quote(sample))));
        }
        String sql = SqlTemplate.named("haplotype_sites").render(Map.of(
                "pair_alleles", pairAlleles, "allele_bits", String.join(" | ", bits)));
        int missingCode = alleles.indexOf(MISSING);
        return new HaplotypeQuery(sql, true, missingCode < 0 ? 0 : 1L << missingCode);
    }

    private static String pairAlleles(List<SamplePair> pairs) {
        SqlTemplate pairColumns = SqlTemplate.named("haplotype_sites.pair");
        StringBuilder rendered = new StringBuilder();
        for (int i = 0; i < pairs.size(); i++) {
            SamplePair pair = pairs.get(i);
            rendered.append(pairColumns.render(Map.of(
                    "sample_a", SqlTemplate.quote(pair.sampleA()),
                    "sample_b", SqlTemplate.quote(pair.sampleB()),
                    "allele_a", SqlTemplate.quote("pair_" + (i + 1) + "_a"),
                    "allele_b", SqlTemplate.quote("pair_" + (i + 1) + "_b")))).append('\n');
        }
        return rendered.toString();
    }
}
