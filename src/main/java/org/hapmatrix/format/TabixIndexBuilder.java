package org.hapmatrix.format;

import org.hapmatrix.HapmatrixException;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.HapmatrixException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import htsjdk.samtools.util.BlockCompressedOutputStream;
import htsjdk.samtools.util.BlockCompressedStreamConstants;
import htsjdk.tribble.Feature;
import htsjdk.tribble.index.Index;
import htsjdk.tribble.index.tabix.TabixFormat;
import htsjdk.tribble.index.tabix.TabixIndexCreator;
import htsjdk.tribble.util.LittleEndianOutputStream;
import org.hapmatrix.HapmatrixException;

/**
 * Builds the {@code .tbi} index of a BGZF VCF from its parts' records (htsjdk's tabix index
 * creation), given in output order with the byte offset where each part starts in the output.
 * The index needs each contig's records sorted by position: a record that is not stops the
 * export (its output is then discarded, so nothing is ever written).
 */
public final class TabixIndexBuilder {
    /** BGZF's end-of-file marker, written after the last part. */
    public static final byte[] END_OF_FILE = BlockCompressedStreamConstants.EMPTY_GZIP_BLOCK;

    private final TabixIndexCreator creator = new TabixIndexCreator(TabixFormat.VCF);
    private final String source;
    private String previousContig;
    private int previousStart;

    /** @param source the data's name, for messages */
    public TabixIndexBuilder(String source) {
        this.source = source;
    }

    private record Site(String getContig, int getStart, int getEnd) implements Feature {
    }

    /** Adds a part's records; {@code offset} is the part's first byte in the compressed output. */
    public void addPart(BgzfPart part, long offset) {
        long shift = offset << 16; // a virtual file pointer is block address << 16 | offset in the block
        for (int record = 0; record < part.records(); record++) {
            String contig = part.contig(record);
            int start = part.start(record);
            if (contig.equals(previousContig) && start < previousStart) {
                throw new HapmatrixException(source + ": contig '" + contig + "', position " + start
                        + " comes after position " + previousStart
                        + ": a .vcf.gz and its index need each contig's sites sorted by position (sort the matrix, or write .vcf)");
            }
            previousContig = contig;
            previousStart = start;
            creator.addFeature(new Site(asIndexName(contig), start, part.end(record)), part.pointer(record) + shift);
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
        Index index = creator.finalizeIndex(dataEnd << 16);
        LittleEndianOutputStream stream = new LittleEndianOutputStream(new BlockCompressedOutputStream(out, (Path) null));
        index.write(stream);
        stream.close();
    }
}
