package org.hapmatrix.io;

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
    private final Set<String> wanted;
    private final Set<String> unseen;
    /** The contig of the last line and whether it is wanted: most lines continue the contig of the line before. */
    private byte[] lastContig;
    private boolean lastWanted;
    private boolean headerPending;

    FilteredContigStream(MatrixInput input, List<String> contigs, boolean headerGiven) {
        this.input = input;
        this.lines = new ContigLineStream(input.stream());
        this.wanted = Set.copyOf(contigs);
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
            if (lastContig == null || !lines.hasContig(lastContig)) {
                // A name that is not valid UTF-8 is no wanted name; the parser reports it if it is kept.
                String contig = lines.strictContig().orElse(null);
                lastWanted = contig != null && wanted.contains(contig);
                lastContig = contig == null ? null : contig.getBytes(StandardCharsets.UTF_8);
                if (lastWanted) {
                    unseen.remove(contig);
                }
            }
            if (lastWanted) {
                return lines;
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
