package org.hapmatrix.format;

import java.io.OutputStream;
import java.util.List;
import org.hapmatrix.matrix.SamplePair;

/**
 * phase-Extender's haplotype file ({@code --format phase-extender}):
 * {@code CHROM POS REF all-alleles <pair>:PI <pair>:PG_al ...}.
 */
public final class PhaseExtenderCodec extends PairColumnsCodec {
    public static final PhaseExtenderCodec INSTANCE = new PhaseExtenderCodec();

    private PhaseExtenderCodec() {
        super("phase-extender", "phase-Extender table", List.of(), MissingAlleles.dot, "CHROM\tPOS\tREF\tall-alleles", ":");
    }

    @Override
    public SiteFormatter formatter(SiteFormatter.Context context, OutputStream out, BgzfPart index) {
        return new PhaseExtenderSiteFormatter(context, out, index);
    }

    @Override
    public void check(List<SamplePair> pairs, List<String> contigs, String source) {
        PhaseExtenderSiteFormatter.checkPairNames(pairs);
    }
}
