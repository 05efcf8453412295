package org.hapmatrix.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
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
final class PhaseExtenderSiteFormatter extends SiteFormatter {
    private final int[] alts;

    PhaseExtenderSiteFormatter(Context context, OutputStream out) {
        super(context, out);
        alts = new int[alleleBytes.length];
    }

    static byte[] header(List<SamplePair> pairs) {
        StringBuilder header = new StringBuilder("CHROM\tPOS\tREF\tall-alleles");
        for (SamplePair pair : pairs) {
            header.append('\t').append(pair.name()).append(":PI\t").append(pair.name()).append(":PG_al");
        }
        return header.append('\n').toString().getBytes(StandardCharsets.UTF_8);
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

    @Override
    void write(SiteColumns sites) throws IOException {
        int rows = sites.rows();
        for (int row = 0; row < rows; row++) {
            startSite(sites, row);
            int refCode = sites.refCode(row);
            byte[] ref = alleleBytes[refCode];
            ensureRoom(contig.length + 2 * ref.length + 24);
            put(contig);
            buffer[length++] = TAB;
            putDecimal(sites.position(row));
            buffer[length++] = TAB;
            put(ref);
            buffer[length++] = TAB;
            put(ref);
            int altCount = sites.altCodes(row, alts);
            for (int i = 0; i < altCount; i++) {
                byte[] allele = alleleBytes[alts[i]];
                ensureRoom(allele.length + 1);
                buffer[length++] = ',';
                put(allele);
            }
            putPhasedPairs(sites, row, refCode);
            ensureRoom(1);
            buffer[length++] = '\n';
            lineDone();
        }
    }
}
