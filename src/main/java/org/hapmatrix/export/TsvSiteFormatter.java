package org.hapmatrix.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hapmatrix.matrix.SamplePair;

/**
 * The haplotype table ({@code --format tsv}): {@code contig pos ref alt} then {@code contig a|b}
 * per pair, tab-separated. A pair allele that is {@code N} or {@code -} is written as the site's
 * REF, or as {@code .} with {@code --missing dot}.
 */
final class TsvSiteFormatter extends SiteFormatter {
    private final int[] alts;

    TsvSiteFormatter(Context context, OutputStream out) {
        super(context, out);
        alts = new int[alleleBytes.length];
    }

    /** The table's header line: {@code contig pos ref alt}, then {@code <pair>_PI <pair>_PG_al} per pair. */
    static byte[] header(List<SamplePair> pairs) {
        StringBuilder header = new StringBuilder("contig\tpos\tref\talt");
        for (SamplePair pair : pairs) {
            header.append('\t').append(pair.name()).append("_PI\t").append(pair.name()).append("_PG_al");
        }
        return header.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    void write(SiteColumns sites) throws IOException {
        int rows = sites.rows();
        for (int row = 0; row < rows; row++) {
            startSite(sites, row);
            int refCode = sites.refCode(row);
            byte[] ref = alleleBytes[refCode];
            ensureRoom(contig.length + ref.length + 24);
            put(contig);
            buffer[length++] = TAB;
            putDecimal(sites.position(row));
            buffer[length++] = TAB;
            put(ref);
            buffer[length++] = TAB;
            int altCount = sites.altCodes(row, alts);
            for (int i = 0; i < altCount; i++) {
                byte[] allele = alleleBytes[alts[i]];
                ensureRoom(allele.length + 1);
                if (i > 0) {
                    buffer[length++] = ',';
                }
                put(allele);
            }
            putPhasedPairs(sites, row, refCode);
            ensureRoom(1);
            buffer[length++] = '\n';
            lineDone();
        }
    }
}
