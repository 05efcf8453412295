package org.hapmatrix.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hapmatrix.matrix.SamplePair;

/**
 * The two layouts with a column pair per sample pair, the table and phase-Extender's file: per
 * site the contig, position, REF, an allele list (the table's ALT, or REF then ALT), then per pair
 * its PI (the contig) and PG_al ({@code x|y}). They differ only in their header names and in
 * whether the allele list starts with REF.
 */
abstract class PairColumnsSiteFormatter extends SiteFormatter {
    private final boolean allelesStartWithRef;
    private final int[] alts;
    private final BgzfPart index;

    /** @param index the BGZF part whose records are indexed ({@code tabix -s1 -b2 -e2 -S1}), or null */
    PairColumnsSiteFormatter(Context context, OutputStream out, boolean allelesStartWithRef, BgzfPart index) {
        super(context, out);
        this.allelesStartWithRef = allelesStartWithRef;
        this.index = index;
        alts = new int[alleleBytes.length];
    }

    /** {@code siteColumns}, then {@code <pair><separator>PI <pair><separator>PG_al} per pair. */
    static byte[] header(String siteColumns, String pairSeparator, List<SamplePair> pairs) {
        StringBuilder header = new StringBuilder(siteColumns);
        for (SamplePair pair : pairs) {
            header.append('\t').append(pair.name()).append(pairSeparator).append("PI\t")
                    .append(pair.name()).append(pairSeparator).append("PG_al");
        }
        return header.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public final void write(SiteRows sites) throws IOException {
        int rows = sites.rows();
        for (int row = 0; row < rows; row++) {
            startSite(sites, row);
            int refCode = sites.refCode(row);
            byte[] ref = alleleBytes[refCode];
            if (index != null) {
                flush(); // the record's virtual file pointer is the stream's position at its first byte
                long position = sites.position(row);
                index.recordStart(contigName, position, position);
            }
            ensureRoom(contig.length + 2 * ref.length + 24);
            put(contig);
            buffer[length++] = TAB;
            putDecimal(sites.position(row));
            buffer[length++] = TAB;
            put(ref);
            buffer[length++] = TAB;
            boolean first = true;
            if (allelesStartWithRef) {
                put(ref);
                first = false;
            }
            int altCount = sites.altCodes(row, alts);
            for (int i = 0; i < altCount; i++) {
                byte[] allele = alleleBytes[alts[i]];
                ensureRoom(allele.length + 1);
                if (!first) {
                    buffer[length++] = ',';
                }
                first = false;
                put(allele);
            }
            putPhasedPairs(sites, row, refCode);
            ensureRoom(1);
            buffer[length++] = '\n';
            lineDone();
        }
    }
}
