package org.hapmatrix.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hapmatrix.HapmatrixException;

/**
 * The header line and the selected contigs' lines of a bgzip-compressed matrix, read through its
 * tabix index (see {@link IndexedBlocksStream}).
 */
final class IndexedContigStream extends IndexedBlocksStream {
    private final TabixMatrixIndex index;

    IndexedContigStream(String name, TabixMatrixIndex index, List<String> wanted, boolean headerGiven) throws IOException {
        super(name, BgzfCompressors.reader(index.data().toFile()), wanted.stream()
                .map(contig -> new MatrixInput.ContigBlock(contig, index.span(contig).start(), index.span(contig).end()))
                .toList());
        this.index = index;
        headerRead(headerGiven ? new byte[0] : readHeaderLine());
    }

    /** The first line, byte by byte so that the offset after it is known (BGZF reads are buffered anyway). */
    private byte[] readHeaderLine() throws IOException {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        int b;
        while ((b = bgzf.read()) >= 0) {
            header.write(b);
            if (b == '\n') {
                break;
            }
        }
        return header.toByteArray();
    }

    @Override
    HapmatrixException noLineWhereTheIndexPoints(String contig) {
        return new HapmatrixException(index.indexFile() + ": index does not match " + name + " (no line of contig '"
                + contig + "' where it points); re-index with " + TabixMatrixIndex.TABIX_COMMAND + " -f " + name);
    }

    /** A line starting with '#' where the contig should begin is one tabix skipped as a comment. */
    @Override
    void checkLineBeforeContig(ContigLineStream line, byte[] contig) {
        if (line.buffer()[line.lineStart()] == '#') {
            throw index.skippedLines("before contig '" + new String(contig, StandardCharsets.UTF_8) + "'");
        }
    }

    /**
     * htsjdk's "Invalid GZIP header", "Premature end of file": the index points where the data is
     * not what it described.
     */
    @Override
    HapmatrixException readFailure(Exception e) {
        return new HapmatrixException(index.indexFile() + ": index does not match " + name + " (reading where it points: "
                + e.getMessage() + "; the index of another file, or the file changed or was cut after indexing);"
                + " re-index with " + TabixMatrixIndex.TABIX_COMMAND + " -f " + name, e);
    }
}
