package org.hapmatrix.format;

import java.io.OutputStream;
import java.util.List;
import org.hapmatrix.matrix.SamplePair;

/**
 * The haplotype table ({@code --format tsv}): {@code contig pos ref alt} then {@code contig a|b}
 * per pair, tab-separated. A pair allele that is {@code N} or {@code -} is written as the site's
 * REF, or as {@code .} with {@code --missing dot}.
 */
final class TsvSiteFormatter extends PairColumnsSiteFormatter {
    TsvSiteFormatter(Context context, OutputStream out, BgzfPart index) {
        super(context, out, false, index);
    }

    /** The table's header line: {@code contig pos ref alt}, then {@code <pair>_PI <pair>_PG_al} per pair. */
    static byte[] header(List<SamplePair> pairs) {
        return header("contig\tpos\tref\talt", "_", pairs);
    }
}
