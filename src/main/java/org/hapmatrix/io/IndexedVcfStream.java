package org.hapmatrix.io;

import htsjdk.samtools.util.BlockCompressedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.hapmatrix.HapmatrixException;

/**
 * The header and the selected contigs' records of a BGZF VCF, reached through its .tbi/.csi:
 * each contig's first block by a seek, so the bytes read are O(those contigs). Contigs come in
 * file order, as a full read would give them.
 */
final class IndexedVcfStream extends SelectedLinesStream {
    private final String name;
    private final Path indexFile;
    private final List<MatrixInput.ContigBlock> contigs;
    private final BlockCompressedInputStream bgzf;
    private final ContigLineStream lines;
    private final long bytesTotal;
    private ContigLineStream headerLines;
    private long headerEnd;
    private int contigNumber = -1;
    private byte[] contig;
    private boolean contigSeen;
    private long bytesOfFinishedContigs;

    IndexedVcfStream(String name, Path data, Path indexFile, List<MatrixInput.ContigBlock> wanted) throws IOException {
        this.name = name;
        this.indexFile = indexFile;
        this.contigs = wanted.stream().distinct().sorted(Comparator.comparingLong(MatrixInput.ContigBlock::start)).toList();
        this.bytesTotal = contigs.stream().mapToLong(c -> compressedBytes(c)).sum();
        this.bgzf = new BlockCompressedInputStream(data.toFile());
        this.lines = new ContigLineStream(bgzf);
        readHeader();
    }

    /** The meta lines and the #CHROM line, byte by byte so that the offset after them is known. */
    private void readHeader() throws IOException {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        boolean lineStart = true;
        boolean columnsLine = false;
        int b;
        while ((b = bgzf.read()) >= 0) {
            if (lineStart) {
                if (b != '#') {
                    throw new HapmatrixException(name + ": VCF header ends without a #CHROM line");
                }
                columnsLine = false;
            }
            header.write(b);
            if (lineStart && b == '#') {
                int second = bgzf.read();
                header.write(second);
                columnsLine = second == 'C';
            }
            lineStart = b == '\n';
            if (lineStart && columnsLine) {
                break;
            }
        }
        headerEnd = bgzf.getFilePointer();
        headerLines = new ContigLineStream(new ByteArrayInputStream(header.toByteArray()));
    }

    private static long compressedBytes(MatrixInput.ContigBlock block) {
        return (block.end() >>> 16) - (block.start() >>> 16) + 1;
    }

    @Override
    protected ContigLineStream nextSelectedLine() throws IOException {
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
                throw new HapmatrixException(indexFile + ": index does not match " + name + " (no record of contig '"
                        + new String(contig, StandardCharsets.UTF_8) + "' where it points); re-index with bcftools index -f "
                        + name);
            }
            if (!more || contigSeen) {
                bytesOfFinishedContigs += compressedBytes(contigs.get(contigNumber));
                contig = null;
            }
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
    long bytesRead() {
        if (contig == null) {
            return bytesOfFinishedContigs;
        }
        long start = Math.max(contigs.get(contigNumber).start(), headerEnd) >>> 16;
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
