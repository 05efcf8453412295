package org.hapmatrix.format;

import htsjdk.samtools.util.BlockCompressedOutputStream;
import htsjdk.samtools.util.BlockCompressedStreamConstants;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.io.BgzfCompressors;

/**
 * The one writer of {@code .tbi} and {@code .csi} indexes, for the export and for {@code concat}:
 * records are added in output order with their BGZF virtual file pointers, and the index is
 * written once the data is. The bins are built as htslib builds them ({@link BinningIndex}),
 * with the per-contig record counts ({@code bcftools index -n/-s}); htsjdk's tabix writer has no
 * such counts. Both kinds are built on the way, so the choice can wait for the last record: a
 * position beyond the {@code .tbi}'s 2^29 can still get a {@code .csi}, whose depth grows with
 * the positions up to htslib's limit, 2^41. The index needs each contig's records together and
 * sorted by position; {@link #add} says when a record is not, and the caller stops with its own
 * advice (the output is then discarded, so nothing is written).
 */
public final class TabixIndexWriter {
    /** BGZF's end-of-file marker, written after the last record. */
    public static final byte[] END_OF_FILE = BlockCompressedStreamConstants.EMPTY_GZIP_BLOCK;
    /** The last base a .tbi index can hold (its bins span 2^29 positions). */
    public static final long MAX_TBI_END = 1L << 29;
    /** The last base a .csi index can hold (9 levels, htslib's deepest, at min_shift 14). */
    public static final long MAX_CSI_END = BinningIndex.MAX_END;
    private static final int TBI_LEVELS = 5;
    /**
     * bcftools' own depth for a .csi (TBX_MAX_SHIFT 31, or a BCF header without contig lengths);
     * deeper as the positions need ({@link BinningIndex#reach}).
     */
    private static final int CSI_LEVELS = 6;

    /**
     * What a tabix index says about the text it indexes (its {@code tbx_conf_t}): the preset
     * (0 generic, 2 VCF), the 1-based columns of contig, begin and end (0: VCF's REF length), the
     * comment character and the header lines to skip. A BCF's index has none.
     */
    public record Columns(int preset, int sequence, int begin, int end, char meta, int skip) {
        public static final Columns VCF = new Columns(2, 1, 2, 0, '#', 0);
        /** The haplotype table: {@code tabix -s1 -b2 -e2 -S1}. */
        public static final Columns TABLE = new Columns(0, 1, 2, 2, '#', 1);
    }

    private final Columns columns;
    private final boolean fixedContigs;
    private final List<String> names = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();
    private final BinningIndex csi = new BinningIndex(CSI_LEVELS);
    private BinningIndex tbi = new BinningIndex(TBI_LEVELS);
    private String beyondTbi;
    private String beyondCsi;
    private String previousContig;
    private long previousStart;

    /** For a {@code .vcf.gz}. */
    public TabixIndexWriter() {
        this(Columns.VCF);
    }

    /** For BGZF text laid out as {@code columns}; contigs get ids as they first appear. */
    public TabixIndexWriter(Columns columns) {
        this(columns, false);
    }

    /**
     * For a BCF: contig ids are the header's contig order, declared by {@link #declareContigs}
     * before their records; only a {@code .csi} can be written.
     */
    public static TabixIndexWriter numberedByHeader() {
        return new TabixIndexWriter(null, true);
    }

    private TabixIndexWriter(Columns columns, boolean fixedContigs) {
        this.columns = columns;
        this.fixedContigs = fixedContigs;
        if (fixedContigs) {
            this.tbi = null;
            this.beyondTbi = "a BCF";
        }
    }

    /**
     * (BCF) The header's contigs that follow those declared so far, in header order; a contig
     * already declared keeps its id. Without effect on a writer that numbers contigs as they come.
     */
    public void declareContigs(List<String> headerContigs) {
        if (!fixedContigs) {
            return;
        }
        for (String contig : headerContigs) {
            if (ids.putIfAbsent(contig, names.size()) == null) {
                names.add(contig);
            }
        }
    }

    /**
     * Adds one record spanning {@code start..end} (1-based, inclusive) of {@code contig} at
     * {@code pointer} (block address << 16 | offset in the block); false, adding nothing, when it
     * starts before the contig's previous record.
     *
     * @throws IllegalArgumentException when the contig's records are not together, or (BCF) the contig is not in the header
     */
    public boolean add(String contig, long start, long end, long pointer) {
        boolean sameContig = contig.equals(previousContig);
        if (sameContig && start < previousStart) {
            return false;
        }
        Integer id = ids.get(contig);
        if (!sameContig && id != null && (fixedContigs ? indexed(id) : true)) {
            throw new IllegalArgumentException("contig '" + contig + "' comes again after other contigs");
        }
        if (id == null) {
            if (fixedContigs) {
                throw new IllegalArgumentException("contig '" + contig + "' is not in the header");
            }
            id = names.size();
            ids.put(contig, id);
            names.add(contig);
        }
        previousContig = contig;
        previousStart = start;
        long begin = start - 1L;
        long endExclusive = end;
        if (tbi != null && endExclusive > tbi.maxEnd) {
            tbi = null;
            beyondTbi = record(contig, start, end);
        }
        if (tbi != null) {
            tbi.push(id, begin, endExclusive, pointer);
        }
        if (beyondCsi == null && !csi.reach(endExclusive)) {
            beyondCsi = record(contig, start, end); // no index can hold it: the rest is not pushed
        }
        if (beyondCsi == null) {
            csi.push(id, begin, endExclusive, pointer);
        }
        return true;
    }

    /** "contig 'c', position p", and where its REF ends if after p: it may start within an index's reach and end beyond. */
    private static String record(String contig, long start, long end) {
        return "contig '" + contig + "', position " + start + (end > start ? " (its REF reaches " + end + ")" : "");
    }

    private boolean indexed(int id) {
        return csi.bins(id) != null;
    }

    /** The start of the last record added. */
    public long previousStart() {
        return previousStart;
    }

    /** Whether a {@code .tbi} can hold every record added so far. */
    public boolean fitsTbi() {
        return tbi != null;
    }

    /** The first record a {@code .tbi} cannot hold ("contig 'c', position p", and where its REF ends if after p), or null. */
    public String beyondTbi() {
        return beyondTbi;
    }

    /** Whether a {@code .csi} can hold every record added so far (ends up to {@link #MAX_CSI_END}). */
    public boolean fitsCsi() {
        return beyondCsi == null;
    }

    /** The first record a {@code .csi} cannot hold, as {@link #beyondTbi()} says it, or null. */
    public String beyondCsi() {
        return beyondCsi;
    }

    /** Adds a part's records; {@code offset} is the part's first byte in the compressed output. */
    public void addPart(BgzfPart part, long offset, String source) {
        long shift = offset << 16; // a virtual file pointer is block address << 16 | offset in the block
        for (int record = 0; record < part.records(); record++) {
            String contig = part.contig(record);
            long start = part.start(record);
            boolean added;
            try {
                added = add(contig, start, part.end(record), part.pointer(record) + shift);
            } catch (IllegalArgumentException e) {
                throw new HapmatrixException(source + ": " + e.getMessage()
                        + ": an indexed output needs each contig's sites together (write an unindexed output, or --index none)");
            }
            if (!added) {
                throw new HapmatrixException(source + ": contig '" + contig + "', position " + start
                        + " comes after position " + previousStart
                        + ": an indexed output needs each contig's sites sorted by position"
                        + " (sort the matrix, or leave the index out: --index none)");
            }
        }
    }

    /**
     * Moves every record added so far by {@code bytes} of compressed data: their pointers were
     * taken in a body that is written after a header of that size.
     */
    public void shift(long bytes) {
        if (tbi != null) {
            tbi.shift(bytes);
        }
        csi.shift(bytes);
    }

    /** Writes a {@code .tbi} (itself BGZF-compressed); {@code dataEnd} is the compressed size before the end-of-file block. */
    public void write(long dataEnd, OutputStream out) throws IOException {
        write(dataEnd, out, IndexKind.tbi);
    }

    /** Writes the index of {@code kind} (tbi only when {@link #fitsTbi()}). */
    public void write(long dataEnd, OutputStream out, IndexKind kind) throws IOException {
        LittleEndian bytes = new LittleEndian();
        long finalOffset = dataEnd << 16;
        if (kind == IndexKind.tbi) {
            if (tbi == null) {
                throw new IllegalStateException("a .tbi cannot hold " + beyondTbi);
            }
            tbi.finish(finalOffset);
            bytes.raw(new byte[] {'T', 'B', 'I', 1});
            bytes.int32(names.size());
            columnsAndNames(bytes);
            for (int id = 0; id < names.size(); id++) {
                bins(bytes, tbi, id, false);
                TreeMap<Integer, BinningIndex.Chunks> bins = tbi.bins(id);
                long[] linear = bins == null ? new long[0] : tbi.linear(id);
                bytes.int32(linear.length);
                for (long offset : linear) {
                    bytes.int64(offset);
                }
            }
        } else if (kind == IndexKind.csi) {
            if (beyondCsi != null) {
                throw new IllegalStateException("a .csi cannot hold " + beyondCsi);
            }
            csi.finish(finalOffset);
            bytes.raw(new byte[] {'C', 'S', 'I', 1});
            bytes.int32(BinningIndex.MIN_SHIFT);
            bytes.int32(csi.levels);
            LittleEndian aux = new LittleEndian();
            if (columns != null) {
                columnsAndNames(aux);
            }
            byte[] auxBytes = aux.toByteArray();
            bytes.int32(auxBytes.length);
            bytes.raw(auxBytes);
            bytes.int32(names.size());
            for (int id = 0; id < names.size(); id++) {
                bins(bytes, csi, id, true);
            }
        } else {
            throw new IllegalArgumentException("no index to write");
        }
        bytes.int64(0); // n_no_coor: records without a position
        BlockCompressedOutputStream stream = BgzfCompressors.writer(out);
        stream.write(bytes.toByteArray());
        stream.close();
    }

    private void columnsAndNames(LittleEndian bytes) {
        bytes.int32(columns.preset());
        bytes.int32(columns.sequence());
        bytes.int32(columns.begin());
        bytes.int32(columns.end());
        bytes.int32(columns.meta());
        bytes.int32(columns.skip());
        ByteArrayOutputStream nameBytes = new ByteArrayOutputStream();
        for (String name : names) {
            nameBytes.writeBytes(name.getBytes(StandardCharsets.UTF_8));
            nameBytes.write(0);
        }
        bytes.int32(nameBytes.size());
        bytes.raw(nameBytes.toByteArray());
    }

    private static void bins(LittleEndian bytes, BinningIndex index, int id, boolean withLinearOffset) {
        TreeMap<Integer, BinningIndex.Chunks> bins = index.bins(id);
        if (bins == null) {
            bytes.int32(0);
            return;
        }
        bytes.int32(bins.size());
        for (var entry : bins.entrySet()) {
            BinningIndex.Chunks chunks = entry.getValue();
            bytes.int32(entry.getKey());
            if (withLinearOffset) {
                bytes.int64(chunks.linearOffset);
            }
            bytes.int32(chunks.count);
            for (int i = 0; i < chunks.count; i++) {
                bytes.int64(chunks.begin(i));
                bytes.int64(chunks.end(i));
            }
        }
    }

    /** Little-endian integers into a growing array, as htslib writes its indexes. */
    private static final class LittleEndian extends ByteArrayOutputStream {
        void int32(int value) {
            for (int i = 0; i < 4; i++) {
                write(value >>> (8 * i));
            }
        }

        void int64(long value) {
            for (int i = 0; i < 8; i++) {
                write((int) (value >>> (8 * i)));
            }
        }

        void raw(byte[] bytes) {
            writeBytes(bytes);
        }
    }
}
