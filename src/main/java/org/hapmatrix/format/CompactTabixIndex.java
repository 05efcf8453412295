package org.hapmatrix.format;

import htsjdk.samtools.GenomicIndexUtil;
import htsjdk.samtools.LinearIndex;
import htsjdk.samtools.util.BlockCompressedFilePointerUtil;
import htsjdk.tribble.index.tabix.TabixFormat;
import htsjdk.tribble.util.LittleEndianOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * A tabix index built as htsjdk's TabixIndexCreator builds it (same bins, chunks and linear index,
 * same bytes), but holding only what each contig uses: htsjdk keeps a 37,450-entry bin array per
 * contig (150 KB) and allocates a 32,769-entry linear index (256 KB) for each, so 100,000 contigs
 * ran out of memory. Each finished contig is serialised at once; what stays is its bytes.
 */
final class CompactTabixIndex {
    private static final int MAGIC = 0x01494254; // "TBI\1"

    private final TabixFormat format;
    private final List<String> names = new ArrayList<>();
    private final ByteArrayOutputStream finishedContigs = new ByteArrayOutputStream();
    private final LittleEndianOutputStream contigsOut = new LittleEndianOutputStream(finishedContigs);
    private ContigBuilder current;

    /** A record waits for the next one: its chunk ends where the next record begins. */
    private int pendingStart;
    private int pendingEnd;
    private long pendingPointer = -1;

    CompactTabixIndex(TabixFormat format) {
        this.format = format;
    }

    /** Adds a record (1-based, inclusive) of {@code latin1Name} at virtual pointer {@code pointer}, in output order. */
    void add(String latin1Name, int start, int end, long pointer) {
        if (pendingPointer >= 0) {
            current.process(pendingStart, pendingEnd, pendingPointer, pointer);
        }
        if (current == null || !current.name.equals(latin1Name)) {
            if (current != null) {
                current.writeTo(contigsOut);
            }
            current = new ContigBuilder(latin1Name);
            names.add(latin1Name);
        }
        pendingStart = start;
        pendingEnd = end;
        pendingPointer = pointer;
    }

    /** Writes the index for data ending at virtual pointer {@code finalPointer}. */
    void write(long finalPointer, LittleEndianOutputStream out) throws IOException {
        if (pendingPointer >= 0) {
            current.process(pendingStart, pendingEnd, pendingPointer, finalPointer);
            pendingPointer = -1;
        }
        if (current != null) {
            current.writeTo(contigsOut);
            current = null;
        }
        out.writeInt(MAGIC);
        out.writeInt(names.size());
        out.writeInt(format.flags);
        out.writeInt(format.sequenceColumn);
        out.writeInt(format.startPositionColumn);
        out.writeInt(format.endPositionColumn);
        out.writeInt(format.metaCharacter);
        out.writeInt(format.numHeaderLinesToSkip);
        int nameBytes = names.size();
        for (String name : names) {
            nameBytes += name.length();
        }
        out.writeInt(nameBytes);
        for (String name : names) {
            for (int i = 0; i < name.length(); i++) {
                out.writeByte(name.charAt(i)); // Latin-1: one byte per char
            }
            out.writeByte(0);
        }
        finishedContigs.writeTo(out);
    }

    /** One contig's bins (by number, each its coalesced chunks) and linear index, as htsjdk's BinningIndexBuilder. */
    private static final class ContigBuilder {
        private static final long UNSET = -1;
        private final String name;
        private final TreeMap<Integer, List<long[]>> bins = new TreeMap<>();
        private long[] linear = new long[4];
        private int largestWindow = -1;

        ContigBuilder(String name) {
            this.name = name;
            Arrays.fill(linear, UNSET);
        }

        void process(int start, int end, long chunkStart, long chunkEnd) {
            int bin = GenomicIndexUtil.regionToBin(start - 1, end <= 0 ? start : end);
            List<long[]> chunks = bins.computeIfAbsent(bin, b -> new ArrayList<>());
            if (!chunks.isEmpty()
                    && BlockCompressedFilePointerUtil.areInSameOrAdjacentBlocks(chunks.get(chunks.size() - 1)[1], chunkStart)) {
                chunks.get(chunks.size() - 1)[1] = chunkEnd; // coalesced
            } else {
                chunks.add(new long[] {chunkStart, chunkEnd});
            }
            int startWindow = LinearIndex.convertToLinearIndexOffset(start);
            int endWindow;
            if (end == GenomicIndexUtil.UNSET_GENOMIC_LOCATION) {
                startWindow = LinearIndex.convertToLinearIndexOffset(start - 1);
                endWindow = startWindow;
            } else {
                endWindow = LinearIndex.convertToLinearIndexOffset(end);
            }
            if (endWindow >= linear.length) {
                int old = linear.length;
                linear = Arrays.copyOf(linear, Math.max(endWindow + 1, old * 2));
                Arrays.fill(linear, old, linear.length, UNSET);
            }
            largestWindow = Math.max(largestWindow, endWindow);
            for (int window = startWindow; window <= endWindow; window++) {
                if (linear[window] == UNSET || chunkStart < linear[window]) {
                    linear[window] = chunkStart;
                }
            }
        }

        void writeTo(LittleEndianOutputStream out) {
            try {
                out.writeInt(bins.size());
                for (var bin : bins.entrySet()) {
                    out.writeInt(bin.getKey());
                    out.writeInt(bin.getValue().size());
                    for (long[] chunk : bin.getValue()) {
                        out.writeLong(chunk[0]);
                        out.writeLong(chunk[1]);
                    }
                }
                out.writeInt(largestWindow + 1);
                long lastSet = 0;
                for (int window = 0; window <= largestWindow; window++) {
                    // As htsjdk (and samtools): an empty window gets the offset of the last set one.
                    long offset = linear[window] == UNSET ? lastSet : linear[window];
                    lastSet = offset;
                    out.writeLong(offset);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
            }
        }
    }
}
