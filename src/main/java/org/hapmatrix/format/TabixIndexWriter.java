package org.hapmatrix.format;

import htsjdk.samtools.util.BlockCompressedOutputStream;
import htsjdk.samtools.util.BlockCompressedStreamConstants;
import htsjdk.tribble.index.tabix.TabixFormat;
import htsjdk.tribble.util.LittleEndianOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.hapmatrix.HapmatrixException;

/**
 * The one writer of {@code .tbi} indexes (htsjdk's tabix index creation), for the export and for
 * {@code concat}: records are added in output order with their BGZF virtual file pointers, and
 * the index is written once the data is. The index needs each contig's records sorted by
 * position; {@link #add} says when a record is not, and the caller stops with its own advice
 * (the output is then discarded, so nothing is ever written).
 */
public final class TabixIndexWriter {
    /** BGZF's end-of-file marker, written after the last record. */
    public static final byte[] END_OF_FILE = BlockCompressedStreamConstants.EMPTY_GZIP_BLOCK;

    private final CompactTabixIndex creator = new CompactTabixIndex(TabixFormat.VCF);
    private String previousContig;
    private int previousStart;

    /**
     * Adds one record spanning {@code start..end} (1-based, inclusive) of {@code contig} at
     * {@code pointer} (block address << 16 | offset in the block); false, adding nothing, when it
     * starts before the contig's previous record.
     */
    public boolean add(String contig, int start, int end, long pointer) {
        if (contig.equals(previousContig) && start < previousStart) {
            return false;
        }
        previousContig = contig;
        previousStart = start;
        creator.add(asIndexName(contig), start, end, pointer);
        return true;
    }

    /** The start of the last record added. */
    public int previousStart() {
        return previousStart;
    }

    /** Adds a part's records; {@code offset} is the part's first byte in the compressed output. */
    public void addPart(BgzfPart part, long offset, String source) {
        long shift = offset << 16; // a virtual file pointer is block address << 16 | offset in the block
        for (int record = 0; record < part.records(); record++) {
            String contig = part.contig(record);
            int start = part.start(record);
            if (!add(contig, start, part.end(record), part.pointer(record) + shift)) {
                throw new HapmatrixException(source + ": contig '" + contig + "', position " + start
                        + " comes after position " + previousStart
                        + ": a .vcf.gz and its index need each contig's sites sorted by position (sort the matrix, or write .vcf)");
            }
        }
    }

    /**
     * htsjdk writes an index's sequence names one byte per char, so a name past Latin-1 must reach it
     * as its UTF-8 bytes, one char each, to be stored as the VCF holds it.
     */
    private static String asIndexName(String contig) {
        return new String(contig.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** Writes the index (itself BGZF-compressed); {@code dataEnd} is the compressed size before the end-of-file block. */
    public void write(long dataEnd, OutputStream out) throws IOException {
        LittleEndianOutputStream stream = new LittleEndianOutputStream(new BlockCompressedOutputStream(out, (Path) null));
        creator.write(dataEnd << 16, stream);
        stream.close();
    }
}
