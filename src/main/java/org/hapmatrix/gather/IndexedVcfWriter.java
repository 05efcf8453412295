package org.hapmatrix.gather;

import htsjdk.samtools.util.BlockCompressedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.format.TabixIndexWriter;
import org.hapmatrix.io.BgzfCompressors;

/**
 * A {@code .vcf.gz} written as BGZF (htsjdk) with its tabix index built on the way: every record
 * line is entered at the virtual offset where it starts, as htsjdk's own indexing writers do.
 */
public final class IndexedVcfWriter {
    private final BlockCompressedOutputStream bgzf;
    private final TabixIndexWriter index = new TabixIndexWriter();
    private byte[] line = new byte[1 << 16];
    private int lineLength;
    private String part;

    public IndexedVcfWriter(OutputStream file) {
        this.bgzf = BgzfCompressors.writer(file);
    }

    public void writeHeader(byte[] header) throws IOException {
        bgzf.write(header);
    }

    /** Records of {@code part} follow (for messages). */
    public void startPart(String part) {
        this.part = part;
    }

    /** Some bytes of records; lines may be split anywhere between calls. */
    public void writeRecords(byte[] buffer, int offset, int length) throws IOException {
        int end = offset + length;
        int start = offset;
        for (int i = offset; i < end; i++) {
            if (buffer[i] == '\n') {
                append(buffer, start, i + 1 - start);
                record();
                start = i + 1;
            }
        }
        append(buffer, start, end - start);
    }

    private void append(byte[] buffer, int offset, int length) {
        if (lineLength + length > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + length));
        }
        System.arraycopy(buffer, offset, line, lineLength, length);
        lineLength += length;
    }

    private void record() throws IOException {
        int chromEnd = nextTab(0);
        int posEnd = chromEnd < 0 ? -1 : nextTab(chromEnd + 1);
        int idEnd = posEnd < 0 ? -1 : nextTab(posEnd + 1);
        int refEnd = idEnd < 0 ? -1 : nextTab(idEnd + 1);
        if (chromEnd <= 0 || refEnd < 0) {
            throw new HapmatrixException(part + ": not a hapmatrix output (a VCF record with fewer than 5 columns)");
        }
        String contig = new String(line, 0, chromEnd, StandardCharsets.UTF_8);
        int position;
        try {
            position = Integer.parseInt(new String(line, chromEnd + 1, posEnd - chromEnd - 1, StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
            throw new HapmatrixException(part + ": not a hapmatrix output (a VCF record whose POS is not a number a tabix index holds)");
        }
        boolean added;
        try {
            added = index.add(contig, position, position + (refEnd - idEnd - 1) - 1, bgzf.getFilePointer());
        } catch (RuntimeException e) {
            throw new HapmatrixException(part + ": records out of order for the index (" + e.getMessage()
                    + "); give the parts in contig order");
        }
        if (!added) {
            throw new HapmatrixException(part + ": records out of order for the index (contig '" + contig + "', position "
                    + position + " after " + index.previousStart() + "); give the parts in contig order");
        }
        bgzf.write(line, 0, lineLength);
        lineLength = 0;
    }

    /** The next tab at or after {@code from} in the line, or -1. */
    private int nextTab(int from) {
        for (int i = from; i < lineLength; i++) {
            if (line[i] == '\t') {
                return i;
            }
        }
        return -1;
    }

    /** Ends the BGZF stream (its end-of-file block) and writes the index, BGZF-compressed, to {@code indexFile}. */
    public void finish(OutputStream indexFile) throws IOException {
        if (lineLength > 0) {
            throw new HapmatrixException(part + ": not a hapmatrix output (its last line has no line end: truncated?)");
        }
        bgzf.flush();
        long dataEnd = bgzf.getFilePointer() >> 16; // after a flush the offset in the block is 0
        bgzf.close();
        if (!index.fitsTbi()) {
            throw new HapmatrixException(part + ": " + index.beyondTbi() + " is beyond 2^29, the last position a .tbi holds"
                    + " (concatenate to .vcf, then bgzip it and run bcftools index --csi)");
        }
        index.write(dataEnd, indexFile);
    }
}
