package org.hapmatrix.matrix;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hapmatrix.HapmatrixException;

/**
 * The header line and the selected contigs' lines of a matrix without an index: the whole file is
 * read, the other contigs' lines dropped. A selected contig that never appears is reported at the
 * end as an unknown contig.
 */
final class FilteredContigStream extends SelectedLinesStream {
    private final MatrixInput input;
    private final ContigLineStream lines;
    private final List<byte[]> wanted;
    private final Set<String> unseen;
    private boolean headerPending;

    FilteredContigStream(MatrixInput input, List<String> contigs, boolean headerGiven) {
        this.input = input;
        this.lines = new ContigLineStream(input.stream());
        this.wanted = contigs.stream().distinct().map(c -> c.getBytes(StandardCharsets.UTF_8)).toList();
        this.unseen = new LinkedHashSet<>(contigs);
        this.headerPending = !headerGiven;
    }

    @Override
    protected ContigLineStream nextSelectedLine() throws IOException {
        while (lines.next()) {
            if (headerPending) {
                headerPending = false;
                return lines;
            }
            for (byte[] contig : wanted) {
                if (lines.hasContig(contig)) {
                    if (!unseen.isEmpty()) {
                        unseen.remove(new String(contig, StandardCharsets.UTF_8));
                    }
                    return lines;
                }
            }
        }
        if (!unseen.isEmpty()) {
            throw HapmatrixException.usage(input.name() + ": unknown contig '" + unseen.iterator().next() + "'");
        }
        return null;
    }

    @Override
    long bytesRead() {
        return input.rawBytesRead();
    }

    @Override
    long bytesTotal() {
        return input.compressedSize();
    }

    @Override
    public void close() {
        input.close();
    }
}
