package org.hapmatrix.io;

import htsjdk.samtools.util.BlockCompressedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.zip.ZipException;
import org.hapmatrix.HapmatrixException;

/**
 * The header and the selected contigs' lines of a BGZF file, each contig's lines reached through
 * an index by a seek to its first block, so the bytes read are O(those contigs), not O(the file).
 * Contigs come in file order whatever order they were asked in, as a full read would give them.
 * A format says how its header is read and what its index's failures mean.
 */
abstract class IndexedBlocksStream extends SelectedLinesStream {
    final String name;
    final BlockCompressedInputStream bgzf;
    private final ContigLineStream lines;
    private final List<MatrixInput.ContigBlock> contigs;
    private final long bytesTotal;
    private ContigLineStream headerLines;
    private long headerEnd;
    private int contigNumber = -1;
    private byte[] contig;
    private boolean contigSeen;
    private long bytesOfFinishedContigs;

    IndexedBlocksStream(String name, BlockCompressedInputStream bgzf, List<MatrixInput.ContigBlock> wanted) {
        this.name = name;
        this.bgzf = bgzf;
        this.contigs = wanted.stream().distinct().sorted(Comparator.comparingLong(MatrixInput.ContigBlock::start)).toList();
        this.bytesTotal = contigs.stream().mapToLong(IndexedBlocksStream::compressedBytes).sum();
        this.lines = new ContigLineStream(bgzf);
    }

    /** The constructor of a subclass calls this once it has read the header's bytes (none: empty). */
    final void headerRead(byte[] header) {
        headerEnd = bgzf.getFilePointer();
        headerLines = header.length == 0 ? null : new ContigLineStream(new ByteArrayInputStream(header));
    }

    /** The error for a contig whose lines are not where the index points. */
    abstract HapmatrixException noLineWhereTheIndexPoints(String contig);

    /** Checks a line read before the contig's (UTF-8) first one in its first block (a matrix: no hidden '#' line). */
    void checkLineBeforeContig(ContigLineStream line, byte[] contig) {
    }

    /** What a failed read where the index points means, or null to pass the failure on as it is. */
    HapmatrixException readFailure(Exception e) {
        return null;
    }

    private static long compressedBytes(MatrixInput.ContigBlock block) {
        return (block.end() >>> 16) - (block.start() >>> 16) + 1;
    }

    @Override
    protected final ContigLineStream nextSelectedLine() throws IOException {
        try {
            return nextLineThroughTheIndex();
        } catch (HapmatrixException | ZipException e) {
            throw e; // a block that decodes wrong is damaged data where the index rightly points
        } catch (IOException | RuntimeException e) {
            HapmatrixException meaning = readFailure(e);
            if (meaning != null) {
                throw meaning;
            }
            throw e;
        }
    }

    private ContigLineStream nextLineThroughTheIndex() throws IOException {
        if (headerLines != null) {
            if (headerLines.next()) {
                return headerLines;
            }
            headerLines = null;
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
                throw noLineWhereTheIndexPoints(new String(contig, StandardCharsets.UTF_8));
            }
            if (more && !contigSeen) {
                checkLineBeforeContig(lines, contig);
            }
            if (!more || contigSeen) {
                bytesOfFinishedContigs += compressedBytes(contigs.get(contigNumber));
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
        MatrixInput.ContigBlock next = contigs.get(contigNumber);
        contig = next.contig().getBytes(StandardCharsets.UTF_8);
        contigSeen = false;
        bgzf.seek(Math.max(next.start(), headerEnd));
        lines.reset();
        return true;
    }

    @Override
    final long bytesRead() {
        if (contig == null) {
            return bytesOfFinishedContigs;
        }
        long start = Math.max(contigs.get(contigNumber).start(), headerEnd) >>> 16;
        return bytesOfFinishedContigs + Math.max(0, (bgzf.getFilePointer() >>> 16) - start);
    }

    @Override
    final long bytesTotal() {
        return bytesTotal;
    }

    @Override
    public void close() throws IOException {
        bgzf.close();
    }
}
