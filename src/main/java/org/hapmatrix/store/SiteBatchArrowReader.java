package org.hapmatrix.store;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.message.ArrowFieldNode;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.hapmatrix.matrix.SiteBatch;
import org.hapmatrix.matrix.SiteBatchReader;
import org.hapmatrix.matrix.Utf8;
import org.hapmatrix.util.Progress;

/**
 * Presents the parser's site batches as an Arrow stream DuckDB can scan: columns
 * {@code contig, pos, ref, <sample>...}, alleles as the parser's codes plus one ({@link SiteBatch}),
 * so that they index DuckDB's 1-based lists without an addition per cell: unsigned 8-bit when the
 * alphabet is capped below 256 alleles before the stream starts (half the bytes to hand over),
 * else 16-bit.
 * A parse error is kept here and re-thrown by the loader, since DuckDB relays only its text.
 */
final class SiteBatchArrowReader extends ArrowReader {
    /** DuckDB's row group size: a batch of a narrow matrix fills one row group. */
    static final int BATCH_SITES = 122_880;
    /**
     * Cells per batch (128 columns of a full batch, about 31 MiB of codes on the heap and as
     * much in Arrow memory): wider matrices get fewer sites per batch, so memory stays bounded
     * whatever the number of samples.
     */
    static final long MAX_BATCH_CELLS = 128L * BATCH_SITES;
    private static final int MIN_BATCH_SITES = 2048;
    /** The largest alphabet whose 1-based codes fit an unsigned byte. */
    private static final int MAX_NARROW_ALPHABET = 255;

    /** Thrown when a batch brings an allele the declared ENUM does not have. */
    static final class AlphabetGrew extends RuntimeException {
        AlphabetGrew() {
            super("a new allele appeared after the allele type was declared", null, false, false);
        }
    }

    /** Thrown, in a segmented load, when a contig comes back after another one (its sites are not in one block). */
    static final class ContigsNotInBlocks extends RuntimeException {
        ContigsNotInBlocks() {
            super("a contig's sites are not in one block", null, false, false);
        }
    }

    /**
     * The contigs seen so far, across the readers of one segmented load. Contig codes are given in
     * order of first appearance, so the sites come in blocks exactly when every change of contig is
     * to a new code.
     */
    static final class ContigBlocks {
        private int current = -1;
        private int highest = -1;

        void next(int code) {
            if (code != current) {
                if (code <= highest) {
                    throw new ContigsNotInBlocks();
                }
                current = code;
                highest = code;
            }
        }
    }

    private final SiteBatchReader parser;
    private final SiteBatch batch;
    private final Progress progress;
    private final List<byte[]> contigNames = new ArrayList<>();
    private boolean prefetched;
    /** Fixed when DuckDB reads the schema: whether the codes go as unsigned bytes. */
    private boolean narrowCodes;
    private int alphabetLimit = Integer.MAX_VALUE;
    private int batchesLeft = Integer.MAX_VALUE;
    private boolean ended;
    private ContigBlocks contigBlocks;
    private RuntimeException failure;
    private int[] contigOffsets = new int[1];
    private byte[] contigBytes = new byte[1 << 16];

    /** {@code batchSites} 0 chooses the batch size by the matrix's width. */
    SiteBatchArrowReader(BufferAllocator allocator, SiteBatchReader parser, Progress progress, int batchSites) {
        super(allocator);
        this.parser = parser;
        this.progress = progress;
        int columns = parser.header().sampleCount() + 1;
        this.batch = new SiteBatch(batchSites > 0 ? batchSites : sitesPerBatch(columns), columns - 1);
    }

    /** Sites per batch for {@code columns} allele columns (REF and the samples). */
    static int sitesPerBatch(int columns) {
        return (int) Math.max(MIN_BATCH_SITES, Math.min(BATCH_SITES, MAX_BATCH_CELLS / columns));
    }

    /**
     * Parses the first batch now, so the alleles it holds are known before DuckDB starts reading;
     * false if the parser had no site left.
     */
    boolean prefetchFirstBatch() {
        prefetched = parser.fill(batch);
        ended = !prefetched;
        return prefetched;
    }

    /** Ends this stream after {@code batches} batches (a segment); the parser goes on with the next reader. */
    void limitBatches(int batches) {
        this.batchesLeft = batches;
    }

    /** Whether the parser has no site left (this stream ended with the matrix, not with its batch limit). */
    boolean ended() {
        return ended;
    }

    /** From now on, a batch whose contigs are not in blocks (see {@link ContigBlocks}) fails with {@link ContigsNotInBlocks}. */
    void requireContigBlocks(ContigBlocks blocks) {
        this.contigBlocks = blocks;
    }

    /** From now on, a batch with more distinct alleles than this fails with {@link AlphabetGrew}. */
    void limitAlphabet(int alleles) {
        this.alphabetLimit = alleles;
    }

    @Override
    protected Schema readSchema() {
        narrowCodes = alphabetLimit <= MAX_NARROW_ALPHABET;
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("contig", FieldType.notNullable(new ArrowType.Utf8()), null));
        fields.add(new Field("pos", FieldType.notNullable(new ArrowType.Int(64, true)), null));
        fields.add(alleleField("ref"));
        for (String sample : parser.header().samples()) {
            fields.add(alleleField(sample));
        }
        return new Schema(fields);
    }

    private Field alleleField(String name) {
        return new Field(name, FieldType.notNullable(new ArrowType.Int(narrowCodes ? 8 : 16, false)), null);
    }

    @Override
    public boolean loadNextBatch() throws IOException {
        try {
            if (batchesLeft == 0) {
                return false;
            }
            if (prefetched) {
                prefetched = false;
            } else if (!parser.fill(batch)) {
                ended = true;
                return false;
            }
            batchesLeft--;
            if (parser.allelesUsed() > alphabetLimit) {
                throw new AlphabetGrew();
            }
            fillVectors(getVectorSchemaRoot());
            progress.update(parser.bytesRead(), parser.bytesTotal());
            return true;
        } catch (RuntimeException e) {
            failure = e;
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * DuckDB may still hold the previous batch's buffers: every batch gets fresh ones, not zeroed
     * first as allocateNew zeroes them (the fill was half of this method's time, on the path
     * DuckDB's scan waits on), since every value is then written. Each buffer is written in bulk
     * from the batch's arrays (per-row Arrow setters, with their bounds and validity work, were a
     * twentieth of a convert's CPU).
     */
    private void fillVectors(VectorSchemaRoot root) {
        int rows = batch.size();
        fillContigs((VarCharVector) root.getVector(0), rows);
        freshBuffers(root.getVector(1), rows, rows * 8L).nioBuffer(0, rows * 8).order(ByteOrder.LITTLE_ENDIAN)
                .asLongBuffer().put(batch.positions(), 0, rows);
        for (int column = 0; column < batch.alleleColumnCount(); column++) {
            FieldVector alleles = root.getVector(column + 2);
            if (narrowCodes) {
                freshBuffers(alleles, rows, rows).setBytes(0, batch.byteColumn(column), 0, rows);
            } else {
                freshBuffers(alleles, rows, rows * 2L).nioBuffer(0, rows * 2).order(ByteOrder.LITTLE_ENDIAN)
                        .asShortBuffer().put(batch.shortColumn(column), 0, rows);
            }
        }
        root.setRowCount(rows);
    }

    /**
     * Gives a fixed-width {@code vector} new buffers for {@code rows} values, all valid, its data
     * buffer ({@code dataBytes}) left as allocated; returns that buffer for the caller to fill.
     */
    private static ArrowBuf freshBuffers(FieldVector vector, int rows, long dataBytes) {
        BufferAllocator allocator = vector.getAllocator();
        try (ArrowBuf data = allocator.buffer(dataBytes)) {
            // No nulls: Arrow makes the validity buffer itself, all bits set; the one given is not read.
            vector.loadFieldBuffers(new ArrowFieldNode(rows, 0), List.of(allocator.getEmpty(), data));
        }
        return vector.getDataBuffer();
    }

    /** The contig names, built as Arrow's offsets and bytes in plain arrays, then copied once. */
    private void fillContigs(VarCharVector contigs, int rows) {
        if (contigOffsets.length < rows + 1) {
            contigOffsets = new int[rows + 1];
        }
        int bytes = 0;
        for (int row = 0; row < rows; row++) {
            int code = batch.contigCode(row);
            if (contigBlocks != null) {
                contigBlocks.next(code);
            }
            byte[] name = contigName(code);
            if (contigBytes.length < bytes + name.length) {
                contigBytes = Arrays.copyOf(contigBytes, Math.max(bytes + name.length, 2 * contigBytes.length));
            }
            System.arraycopy(name, 0, contigBytes, bytes, name.length);
            bytes += name.length;
            contigOffsets[row + 1] = bytes;
        }
        BufferAllocator allocator = contigs.getAllocator();
        try (ArrowBuf offsets = allocator.buffer((rows + 1) * 4L); ArrowBuf data = allocator.buffer(Math.max(1, bytes))) {
            offsets.nioBuffer(0, (rows + 1) * 4).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().put(contigOffsets, 0, rows + 1);
            data.setBytes(0, contigBytes, 0, bytes);
            contigs.loadFieldBuffers(new ArrowFieldNode(rows, 0), List.of(allocator.getEmpty(), offsets, data));
        }
    }

    private byte[] contigName(int code) {
        while (contigNames.size() <= code) {
            contigNames.add(parser.contigs().value(contigNames.size()).getBytes(StandardCharsets.UTF_8));
        }
        return contigNames.get(code);
    }

    /** The error that stopped the stream, if the parser (not DuckDB) failed. */
    RuntimeException failure() {
        return failure;
    }

    @Override
    public long bytesRead() {
        return 0;
    }

    @Override
    protected void closeReadSource() {
        // The parser's input is owned and closed by the loader.
    }
}
