package org.hapmatrix.format;

import java.io.OutputStream;
import java.util.List;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.matrix.SamplePair;

/**
 * phase-Extender's haplotype file ({@code --format phase-extender}): {@code CHROM POS REF
 * all-alleles}, then {@code <pair>:PI <pair>:PG_al} per pair. all-alleles is REF then the table's
 * ALT alleles, comma-separated; PI is the contig (one phase block per contig, as the original
 * program's PI); PG_al is {@code x|y}, with {@code .} for a pair's {@code N} or {@code -} under
 * {@code --missing dot} (phase-Extender's missing data) or REF under {@code --missing ref}.
 */
final class PhaseExtenderSiteFormatter extends PairColumnsSiteFormatter {
    PhaseExtenderSiteFormatter(Context context, OutputStream out, BgzfPart index) {
        super(context, out, true, index);
    }

    static byte[] header(List<SamplePair> pairs) {
        return header("CHROM\tPOS\tREF\tall-alleles", ":", pairs);
    }

    /**
     * phase-Extender finds a sample's columns by splitting header names at {@code :} and uses the
     * name in output file names, so a pair name with {@code :} or {@code /} cannot work.
     */
    static void checkPairNames(List<SamplePair> pairs) {
        for (SamplePair pair : pairs) {
            if (pair.name().contains(":") || pair.name().contains("/")) {
                throw HapmatrixException.usage("pair '" + pair.name()
                        + "': phase-Extender cannot use a sample name containing ':' or '/'; rename the pair (--pair NAME=A,B)");
            }
        }
    }
}
