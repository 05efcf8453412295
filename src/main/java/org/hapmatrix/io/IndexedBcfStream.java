package org.hapmatrix.io;

import htsjdk.samtools.util.BlockCompressedInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipException;
import org.hapmatrix.HapmatrixException;

/**
 * The header and the selected contigs' records of a BGZF BCF, each contig's records reached
 * through its .csi by a seek to its first block, so the bytes read are O(those contigs). A BCF
 * record is binary (two lengths, then the shared part, which starts with the contig's number in
 * the header, then the samples' part), so records are cut by their lengths, not by newlines; the
 * stream handed on reads as a BCF of only those contigs, in file order.
 */
final class IndexedBcfStream extends SelectedBytesStream {
    /** A record longer than this is not a record: the index points elsewhere than a record's start. */
    private static final long MAX_RECORD_BYTES = 1L << 30;

    private final String name;
    private final Path indexFile;
    private final BlockCompressedInputStream bgzf;
    private final List<MatrixInput.ContigBlock> contigs;
    private final Map<String, Integer> contigIds;
    private final long headerEnd;
    private final long bytesTotal;
    private long bytesOfFinishedContigs;
    private byte[] header;
    private byte[] record = new byte[1 << 16];
    private int recordLength;
    private int contigNumber = -1;
    private int contigId = -1;
    private boolean inContig;
    private boolean contigSeen;

    IndexedBcfStream(String name, Path data, Path indexFile, List<MatrixInput.ContigBlock> wanted,
                     Map<String, Integer> contigIds) throws IOException {
        this.name = name;
        this.indexFile = indexFile;
        this.contigIds = Map.copyOf(contigIds);
        this.contigs = wanted.stream().distinct().sorted(Comparator.comparingLong(MatrixInput.ContigBlock::start)).toList();
        this.bytesTotal = contigs.stream().mapToLong(IndexedBcfStream::compressedBytes).sum();
        this.bgzf = BgzfCompressors.reader(data.toFile());
        try {
            byte[] start = new byte[9];
            if (readFully(start, 0, 9) != 9 || start[0] != 'B' || start[1] != 'C' || start[2] != 'F') {
                throw new HapmatrixException(name + ": not a BCF file");
            }
            long textLength = Integer.toUnsignedLong(littleEndianInt(start, 5));
            if (textLength > MAX_RECORD_BYTES) {
                throw new HapmatrixException(name + ": BCF header of " + textLength + " bytes");
            }
            header = new byte[9 + (int) textLength];
            System.arraycopy(start, 0, header, 0, 9);
            if (readFully(header, 9, (int) textLength) != textLength) {
                throw new HapmatrixException(name + ": BCF header is truncated");
            }
            headerEnd = bgzf.getFilePointer();
        } catch (IOException | RuntimeException e) {
            bgzf.close();
            throw e;
        }
    }

    private static long compressedBytes(MatrixInput.ContigBlock block) {
        return (block.end() >>> 16) - (block.start() >>> 16) + 1;
    }

    private static int littleEndianInt(byte[] bytes, int offset) {
        return (bytes[offset] & 0xff) | (bytes[offset + 1] & 0xff) << 8 | (bytes[offset + 2] & 0xff) << 16
                | (bytes[offset + 3] & 0xff) << 24;
    }

    /** Hands out the header, then each record of a selected contig; false when none is left. */
    @Override
    protected boolean nextPiece() throws IOException {
        if (header != null) {
            piece(header, 0, header.length);
            header = null;
            return true;
        }
        while (true) {
            if (!inContig && !startNextContig()) {
                return false;
            }
            int chrom = readRecord();
            if (chrom == contigId) {
                contigSeen = true;
                piece(record, 0, recordLength);
                return true;
            }
            if (chrom == END && !contigSeen) {
                throw noRecordWhereTheIndexPoints();
            }
            if (chrom == END || contigSeen) {
                bytesOfFinishedContigs += compressedBytes(contigs.get(contigNumber));
                inContig = false;
            }
            // else: a record of another contig before this one's first in its first block
        }
    }

    private boolean startNextContig() throws IOException {
        contigNumber++;
        if (contigNumber >= contigs.size()) {
            return false;
        }
        MatrixInput.ContigBlock next = contigs.get(contigNumber);
        Integer id = contigIds.get(next.contig());
        if (id == null) {
            throw new HapmatrixException(indexFile + ": contig '" + next.contig() + "' is not in the header of " + name);
        }
        contigId = id;
        contigSeen = false;
        inContig = true;
        try {
            bgzf.seek(Math.max(next.start(), headerEnd));
        } catch (ZipException e) {
            throw e; // a block that decodes wrong is damaged data where the index rightly points
        } catch (IOException | RuntimeException e) {
            throw noRecordWhereTheIndexPoints();
        }
        return true;
    }

    private static final int END = Integer.MIN_VALUE;

    /** Reads the next record into {@code record}; its contig number, or {@link #END} at the file's end. */
    private int readRecord() throws IOException {
        byte[] lengths = new byte[8];
        int got = readFully(lengths, 0, 8);
        if (got == 0) {
            return END;
        }
        long shared = Integer.toUnsignedLong(littleEndianInt(lengths, 0));
        long individual = Integer.toUnsignedLong(littleEndianInt(lengths, 4));
        if (got < 8 || shared < 4 || shared + individual > MAX_RECORD_BYTES) {
            throw noRecordWhereTheIndexPoints();
        }
        int size = (int) (8 + shared + individual);
        if (record.length < size) {
            record = new byte[Math.max(size, record.length * 2)];
        }
        System.arraycopy(lengths, 0, record, 0, 8);
        if (readFully(record, 8, size - 8) < size - 8) {
            throw new HapmatrixException(name + ": BCF record is truncated");
        }
        recordLength = size;
        return littleEndianInt(record, 8);
    }

    private int readFully(byte[] target, int offset, int length) throws IOException {
        int read = 0;
        int n;
        while (read < length && (n = bgzf.read(target, offset + read, length - read)) > 0) {
            read += n;
        }
        return read;
    }

    private HapmatrixException noRecordWhereTheIndexPoints() {
        String contig = contigs.get(contigNumber).contig();
        return new HapmatrixException(indexFile + ": index does not match " + name + " (no record of contig '"
                + contig + "' where it points); re-index with bcftools index -f " + name);
    }

    @Override
    long bytesRead() {
        if (!inContig) {
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
