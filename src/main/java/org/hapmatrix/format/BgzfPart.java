package org.hapmatrix.format;

import htsjdk.samtools.util.BlockCompressedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import org.hapmatrix.io.BgzfCompressors;

/**
 * One work unit's output as BGZF blocks (htsjdk), with each record's contig, start, end and virtual file
 * pointer for the tabix index. Parts end without BGZF's end-of-file block, so the exporter can
 * append them one after another (a BGZF file is a series of independent blocks) and shift their
 * pointers by where each part lands in the output. A part may go on in a later export (a unit cut
 * by a segment's end, see export/ExportOutput): its blocks then go to another stream, the
 * compressor keeping the bytes of its unfinished block, so the blocks are those of one part.
 */
public final class BgzfPart {
    /** zlib's fastest level: several times faster than htsjdk's default 5 for a somewhat larger file (bench/RESULTS.md). */
    static final int COMPRESSION_LEVEL = 1;
    private final Relay relay;
    private final BlockCompressedOutputStream stream;
    private String[] contigs = new String[1024];
    private long[] starts = new long[1024];
    private long[] ends = new long[1024];
    private long[] pointers = new long[1024];
    private int count;

    public BgzfPart(OutputStream file) {
        this.relay = new Relay(file);
        this.stream = BgzfCompressors.writer(relay, COMPRESSION_LEVEL);
    }

    /** The part's further blocks go to {@code file}; its pointers still count from its first block. */
    public void continueInto(OutputStream file) {
        relay.file = file;
    }

    /** Forgets the records noted so far (they are in the index): a part that goes on notes only its new ones. */
    public void clearRecords() {
        count = 0;
    }

    /** Passes blocks on to the stream they go to now. */
    private static final class Relay extends OutputStream {
        private OutputStream file;

        Relay(OutputStream file) {
            this.file = file;
        }

        @Override
        public void write(int b) throws IOException {
            file.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            file.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            file.flush();
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }

    /** Where the part's formatter writes its uncompressed lines. */
    public OutputStream stream() {
        return stream;
    }

    /** Notes a record about to be written at the stream's current position (1-based, inclusive). */
    void recordStart(String contig, long start, long end) {
        if (count == starts.length) {
            contigs = Arrays.copyOf(contigs, 2 * count);
            starts = Arrays.copyOf(starts, 2 * count);
            ends = Arrays.copyOf(ends, 2 * count);
            pointers = Arrays.copyOf(pointers, 2 * count);
        }
        contigs[count] = contig;
        starts[count] = start;
        ends[count] = end;
        pointers[count] = stream.getFilePointer();
        count++;
    }

    /** Compresses what is left into blocks and closes the file, without an end-of-file block. */
    public void finish() throws IOException {
        stream.close(false);
    }

    int records() {
        return count;
    }

    String contig(int record) {
        return contigs[record];
    }

    long start(int record) {
        return starts[record];
    }

    long end(int record) {
        return ends[record];
    }

    /** The record's virtual file pointer within this part. */
    long pointer(int record) {
        return pointers[record];
    }

    /** {@code bytes} as BGZF blocks without an end-of-file block (the output's header). */
    public static byte[] compress(byte[] bytes) throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        BlockCompressedOutputStream stream = BgzfCompressors.writer(compressed, COMPRESSION_LEVEL);
        stream.write(bytes);
        stream.close(false);
        return compressed.toByteArray();
    }
}
