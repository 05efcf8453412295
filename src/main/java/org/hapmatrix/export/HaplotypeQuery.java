package org.hapmatrix.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hapmatrix.matrix.SamplePair;
import org.hapmatrix.store.SqlTemplate;

/** Renders sql/haplotype_sites.sql for a set of pairs and ALT samples; only quoted identifiers are filled in. */
final class HaplotypeQuery {
    private HaplotypeQuery() {
    }

    static String render(List<SamplePair> pairs, List<String> altSamples) {
        SqlTemplate pairColumns = SqlTemplate.named("haplotype_sites.pair");
        StringBuilder pairAlleles = new StringBuilder();
        for (int i = 0; i < pairs.size(); i++) {
            SamplePair pair = pairs.get(i);
            pairAlleles.append(pairColumns.render(Map.of(
                    "sample_a", SqlTemplate.quote(pair.sampleA()),
                    "sample_b", SqlTemplate.quote(pair.sampleB()),
                    "allele_a", SqlTemplate.quote("pair_" + (i + 1) + "_a"),
                    "allele_b", SqlTemplate.quote("pair_" + (i + 1) + "_b")))).append('\n');
        }
        List<String> altColumns = new ArrayList<>();
        for (String sample : altSamples) {
            altColumns.add("m." + SqlTemplate.quote(sample));
        }
        return SqlTemplate.named("haplotype_sites").render(Map.of(
                "pair_alleles", pairAlleles.toString(),
                "alt_samples", SqlTemplate.list(altColumns)));
    }
}
