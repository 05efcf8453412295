package org.hapmatrix.io;

import htsjdk.samtools.util.BlockCompressedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import org.hapmatrix.HapmatrixException;

/**
 * The header line and the selected contigs' lines of a bgzip-compressed matrix, read through its
 * tabix index: each contig's blocks are reached by a seek, so the bytes read are O(those contigs),
 * not O(the file). Contigs come in file order whatever order they were asked in, as a full read
 * would give them.
 */
final class IndexedContigStream extends SelectedLinesStream {
    private final String name;
    private final TabixMatrixIndex index;
    private final BlockCompressedInputStream bgzf;
    private final ContigLineStream lines;
    private final List<String> contigs;
    private final long bytesTotal;
    private byte[] headerLine;
    private long headerEnd;
    private int contigNumber = -1;
    private byte[] contig;
    private boolean contigSeen;
    private long bytesOfFinishedContigs;

    IndexedContigStream(String name, TabixMatrixIndex index, List<String> wanted, boolean headerGiven) throws IOException {
        this.name = name;
        this.index = index;
        this.contigs = wanted.stream().distinct()
                .sorted(Comparator.comparingLong(contig -> index.span(contig).start())).toList();
        this.bytesTotal = contigs.stream().mapToLong(contig -> compressedBytes(index.span(contig))).sum();
        this.bgzf = new BlockCompressedInputStream(index.data());
        this.lines = new ContigLineStream(bgzf);
        if (!headerGiven) {
            readHeaderLine();
        }
    }

    /** The first line, byte by byte so that the offset after it is known (BGZF reads are buffered anyway). */
    private void readHeaderLine() throws IOException {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        int b;
        while ((b = bgzf.read()) >= 0) {
            header.write(b);
            if (b == '\n') {
                break;
            }
        }
        headerLine = header.toByteArray();
        headerEnd = bgzf.getFilePointer();
    }

    private static long compressedBytes(TabixMatrixIndex.Span span) {
        return (span.end() >>> 16) - (span.start() >>> 16) + 1;
    }

    @Override
    protected ContigLineStream nextSelectedLine() throws IOException {
        try {
            return nextLineThroughTheIndex();
        } catch (HapmatrixException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // htsjdk's "Invalid GZIP header", "Premature end of file": the index points where the
            // data is not what it described.
            throw new HapmatrixException(index.indexFile() + ": index does not match " + name + " (reading where it points: "
                    + e.getMessage() + "; the index of another file, or the file changed or was cut after indexing);"
                    + " re-index with " + TabixMatrixIndex.TABIX_COMMAND + " -f " + name, e);
        }
    }

    private ContigLineStream nextLineThroughTheIndex() throws IOException {
        if (headerLine != null) {
            ContigLineStream header = new ContigLineStream(new ByteArrayInputStream(headerLine));
            headerLine = null;
            header.next();
            return header;
        }
        while (true) {
            if (contig == null && !startNextContig()) {
                return null;
            }
            boolean more = lines.next();
            if (more && lines.hasContig(contig)) {
                contigSeen = true;
                return lines;
            }
            if (!more && !contigSeen) {
                throw new HapmatrixException(index.indexFile() + ": index does not match " + name + " (no line of contig '"
                        + new String(contig, StandardCharsets.UTF_8) + "' where it points); re-index with "
                        + TabixMatrixIndex.TABIX_COMMAND + " -f " + name);
            }
            if (more && !contigSeen && lines.buffer()[lines.lineStart()] == '#') {
                throw index.skippedLines("before contig '" + new String(contig, StandardCharsets.UTF_8) + "'");
            }
            if (!more || contigSeen) {
                bytesOfFinishedContigs += compressedBytes(index.span(contigs.get(contigNumber)));
                contig = null;
            }
            // else: a line before the contig's first one in its first block
        }
    }

    private boolean startNextContig() throws IOException {
        contigNumber++;
        if (contigNumber >= contigs.size()) {
            return false;
        }
        String next = contigs.get(contigNumber);
        contig = next.getBytes(StandardCharsets.UTF_8);
        contigSeen = false;
        bgzf.seek(Math.max(index.span(next).start(), headerEnd));
        lines.reset();
        return true;
    }

    @Override
    long bytesRead() {
        if (contig == null) {
            return bytesOfFinishedContigs;
        }
        long start = Math.max(index.span(contigs.get(contigNumber)).start(), headerEnd) >>> 16;
        return bytesOfFinishedContigs + Math.max(0, (bgzf.getFilePointer() >>> 16) - start);
    }

    @Override
    long bytesTotal() {
        return bytesTotal;
    }

    @Override
    public void close() throws IOException {
        bgzf.close();
    }
}
