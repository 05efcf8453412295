package org.hapmatrix.gather;

import htsjdk.samtools.util.BlockCompressedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipException;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.format.BcfCodec;
import org.hapmatrix.format.IndexKind;
import org.hapmatrix.format.TabixIndexWriter;
import org.hapmatrix.io.BgzfCompressors;
import org.hapmatrix.io.Compression;

/**
 * The gathered {@code .bcf} of BCF parts: the gathered header, then each part's records as they
 * are but for their contig id, which indexes the header's contig lines and so is renumbered from
 * the part's header to the gathered one; BGZF (htsjdk), with a {@code .csi} built on the way
 * (htslib's, per-contig counts included, as the export writes it).
 */
public final class BcfPartWriter {
    private static final int FIXED_BYTES = 8;

    private final BlockCompressedOutputStream bgzf;
    private final TabixIndexWriter index;
    private final Map<String, Integer> gatheredIds = new HashMap<>();
    private final List<String> gatheredContigs;
    private String part;
    private List<String> partContigs;
    private byte[] record = new byte[1 << 16];

    /** @param headerLines the gathered header's text lines, whose contig lines number the contigs */
    public BcfPartWriter(OutputStream file, List<String> headerLines) {
        this.bgzf = BgzfCompressors.writer(file);
        this.gatheredContigs = BcfCodec.headerContigs(headerLines);
        for (int id = 0; id < gatheredContigs.size(); id++) {
            gatheredIds.put(gatheredContigs.get(id), id);
        }
        this.index = TabixIndexWriter.numberedByHeader();
        index.declareContigs(gatheredContigs);
    }

    public void writeHeader(byte[] header) throws IOException {
        bgzf.write(header);
        bgzf.flush(); // the records start a block of their own, as htslib writes a BCF
    }

    /** The records of {@code part}, whose header's lines are {@code headerLines}, follow. */
    public void startPart(String part, List<String> headerLines) {
        this.part = part;
        this.partContigs = BcfCodec.headerContigs(headerLines);
    }

    /**
     * Copies the part's records from {@code in} (at its first record) to the end; tells
     * {@code contigSeen} each record's contig before writing it. Returns the number of records.
     */
    public long copyRecords(InputStream in, Consumer<String> contigSeen) throws IOException {
        long records = 0;
        while (true) {
            int read = readFully(in, record, 0, FIXED_BYTES);
            if (read == 0) {
                return records;
            }
            if (read < FIXED_BYTES) {
                throw truncated();
            }
            long shared = int32(record, 0) & 0xFFFFFFFFL;
            long individual = int32(record, 4) & 0xFFFFFFFFL;
            long length = FIXED_BYTES + shared + individual;
            if (shared < 24 || length > Integer.MAX_VALUE - 16) {
                throw new HapmatrixException(part + ": not a hapmatrix output (a BCF record of " + length + " bytes)");
            }
            if (record.length < length) {
                byte[] grown = new byte[(int) Math.max(length, 2L * record.length)];
                System.arraycopy(record, 0, grown, 0, FIXED_BYTES);
                record = grown;
            }
            if (readFully(in, record, FIXED_BYTES, (int) length - FIXED_BYTES) < length - FIXED_BYTES) {
                throw truncated();
            }
            int partId = int32(record, 8);
            if (partId < 0 || partId >= partContigs.size()) {
                throw new HapmatrixException(part + ": not a hapmatrix output (a BCF record's contig " + partId
                        + " is not in its header)");
            }
            String contig = partContigs.get(partId);
            contigSeen.accept(contig);
            putInt32(record, 8, gatheredIds.get(contig));
            int start = int32(record, 12) + 1;
            int end = start + int32(record, 16) - 1;
            boolean added;
            try {
                added = index.add(contig, start, end, bgzf.getFilePointer());
            } catch (IllegalArgumentException e) {
                throw new HapmatrixException(part + ": records out of order for the index (" + e.getMessage()
                        + "); give the parts in contig order");
            }
            if (!added) {
                throw new HapmatrixException(part + ": records out of order for the index (contig '" + contig + "', position "
                        + start + " after " + index.previousStart() + "); give the parts in contig order");
            }
            bgzf.write(record, 0, (int) length);
            records++;
        }
    }

    private HapmatrixException truncated() {
        return new HapmatrixException(part + ": not a hapmatrix output (its last BCF record is cut short: truncated?)");
    }

    /** Ends the BGZF stream and writes the {@code .csi} to {@code indexFile} (null: none, as for standard output). */
    public void finish(OutputStream indexFile) throws IOException {
        bgzf.flush();
        long dataEnd = bgzf.getFilePointer() >> 16;
        bgzf.close();
        if (indexFile != null) {
            index.write(dataEnd, indexFile, IndexKind.csi);
        }
    }

    private int readFully(InputStream in, byte[] into, int offset, int length) throws IOException {
        int read = 0;
        try {
            while (read < length) {
                int n = in.read(into, offset + read, length - read);
                if (n < 0) {
                    break;
                }
                read += n;
            }
        } catch (EOFException | ZipException e) {
            // Not the output's "write failed", which any other IOException here becomes.
            throw new HapmatrixException(part + ": " + Compression.damageMessage(e), e);
        }
        return read;
    }

    private static int int32(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8 | (bytes[at + 2] & 0xFF) << 16 | (bytes[at + 3] & 0xFF) << 24;
    }

    private static void putInt32(byte[] bytes, int at, int value) {
        bytes[at] = (byte) value;
        bytes[at + 1] = (byte) (value >>> 8);
        bytes[at + 2] = (byte) (value >>> 16);
        bytes[at + 3] = (byte) (value >>> 24);
    }
}
