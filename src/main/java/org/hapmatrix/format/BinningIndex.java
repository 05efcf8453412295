package org.hapmatrix.format;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * One binning index as htslib builds it ({@code hts_idx_push} and {@code hts_idx_finish} of
 * htslib 1.16's hts.c, followed step by step so that bcftools reads exactly what its own indexer
 * would have written): per reference the bins' chunks of virtual offsets, the linear index, and the
 * pseudo-bin {@code n_bins + 1} with the reference's first and end offsets and its record count,
 * which {@code bcftools index -n/-s} read. The same builder makes a {@code .tbi} (min_shift 14,
 * 5 levels) and a {@code .csi} (min_shift 14, 6 levels, deepened by {@link #reach} for longer
 * contigs); {@link TabixIndexWriter} writes them.
 */
final class BinningIndex {
    static final int MIN_SHIFT = 14;
    /** htslib's HTS_MIN_MARKER_DIST: a bin whose chunks span fewer compressed bytes goes into its parent. */
    private static final long MIN_MARKER_DISTANCE = 0x10000;
    private static final int NO_BIN = -1;
    /** htslib's max_n_lvls (hts_adjust_csi_settings): the bin numbers of a tenth level overflow a 32-bit int. */
    static final int MAX_LEVELS = 9;
    /** The highest end a {@link #MAX_LEVELS} index holds: 2^41. */
    static final long MAX_END = 1L << (MIN_SHIFT + 3 * MAX_LEVELS);

    int levels;
    int binCount;
    /** The highest end (0-based, exclusive) a record may have: 2^(14 + 3 levels). */
    long maxEnd;
    /** Per reference id: its bins (bin number to chunks as begin, end pairs), or null without records. */
    private final List<TreeMap<Integer, Chunks>> bins = new ArrayList<>();
    private final List<LinearIndex> linear = new ArrayList<>();
    private int lastTid = -1;
    private int lastBin = NO_BIN;
    private int saveTid = -1;
    private int saveBin = NO_BIN;
    private long saveOffset;
    private long lastOffset;
    private long firstOffset;
    private long records;
    private boolean finished;

    /** @param levels 5 for .tbi, 6 for .csi */
    BinningIndex(int levels) {
        setLevels(levels);
    }

    private void setLevels(int levels) {
        this.levels = levels;
        this.binCount = ((1 << (3 * levels + 3)) - 1) / 7;
        this.maxEnd = 1L << (MIN_SHIFT + 3 * levels);
    }

    /**
     * Adds levels on top until a record ending at {@code end} (0-based, exclusive) fits; false,
     * changing nothing, when even {@link #MAX_LEVELS} cannot hold it. htslib chooses a .csi's
     * depth before the first record, as deep as the contigs' declared lengths need (tbx_index's
     * adjust_n_lvls; hts_adjust_csi_settings since 1.23); a table declares none, so tabix 1.16
     * keeps 6 levels and refuses an end beyond 2^32 (1.23 takes 8 for any table). Here the
     * records' ends, known as they come, choose it: the smallest depth from 6 that holds them all
     * (hts_idx_check_range's bound), so the index is tabix's own wherever tabix can build one.
     * The records so far all lie under the old root, which becomes the first bin of the new first
     * level: each bin keeps its span one level further down, and the index is the one built at
     * the new depth from the start.
     */
    boolean reach(long end) {
        if (end <= maxEnd) {
            return true;
        }
        if (end > MAX_END) {
            return false;
        }
        while (end > maxEnd) {
            int oldMetaBin = metaBin();
            setLevels(levels + 1);
            for (int tid = 0; tid < bins.size(); tid++) {
                TreeMap<Integer, Chunks> referenceBins = bins.get(tid);
                if (referenceBins == null) {
                    continue;
                }
                TreeMap<Integer, Chunks> deeper = new TreeMap<>();
                referenceBins.forEach((bin, chunks) -> deeper.put(bin == oldMetaBin ? metaBin() : oneLevelDown(bin), chunks));
                bins.set(tid, deeper);
            }
            lastBin = lastBin == NO_BIN ? NO_BIN : oneLevelDown(lastBin);
            saveBin = saveBin == NO_BIN ? NO_BIN : oneLevelDown(saveBin);
        }
        return true;
    }

    /** The same span's bin one level further from the root. */
    private static int oneLevelDown(int bin) {
        int level = levelOf(bin);
        return firstBinOfLevel(level + 1) + (bin - firstBinOfLevel(level));
    }

    int metaBin() {
        return binCount + 1;
    }

    /** Chunks of one bin, and for .csi the bin's smallest offset of a record it may hold. */
    static final class Chunks {
        long[] pairs = new long[4];
        int count;
        long linearOffset;

        void add(long begin, long end) {
            if (2 * count + 2 > pairs.length) {
                pairs = Arrays.copyOf(pairs, pairs.length * 2);
            }
            pairs[2 * count] = begin;
            pairs[2 * count + 1] = end;
            count++;
        }

        long begin(int chunk) {
            return pairs[2 * chunk];
        }

        long end(int chunk) {
            return pairs[2 * chunk + 1];
        }

        /** Sorts the chunks by their begin offset (htslib's ks_introsort(_off)). */
        void sort() {
            Integer[] order = new Integer[count];
            for (int i = 0; i < count; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingLong(i -> pairs[2 * i]));
            long[] sorted = new long[Math.max(4, 2 * count)];
            for (int i = 0; i < count; i++) {
                sorted[2 * i] = pairs[2 * order[i]];
                sorted[2 * i + 1] = pairs[2 * order[i] + 1];
            }
            pairs = sorted;
        }
    }

    /**
     * Adds a record of reference {@code tid} spanning {@code begin..end} (0-based, end exclusive)
     * that starts at virtual offset {@code start}; records come in file order, each reference's
     * records together and sorted by begin (the caller checks both).
     */
    void push(int tid, long begin, long end, long start) {
        if (lastTid < 0) {
            firstOffset = start; // htslib's offset0: where the header ends
        }
        lastOffset = start;
        while (bins.size() <= tid) {
            bins.add(null);
            linear.add(null);
        }
        if (lastTid != tid) {
            lastTid = tid;
            lastBin = NO_BIN;
        }
        if (bins.get(tid) == null) {
            bins.set(tid, new TreeMap<>());
            linear.set(tid, new LinearIndex());
        }
        if (begin < 0) {
            begin = 0;
        }
        if (end <= 0) {
            end = 1;
        }
        linear.get(tid).add(begin, end, start);
        int bin = regionToBin(begin, end);
        if (lastBin != bin) {
            if (saveBin != NO_BIN) {
                chunks(saveTid, saveBin).add(saveOffset, lastOffset);
            }
            if (lastBin == NO_BIN && saveBin != NO_BIN) { // a new reference: the last one's pseudo-bin
                chunks(saveTid, metaBin()).add(firstOffset, lastOffset);
                chunks(saveTid, metaBin()).add(records, 0);
                records = 0;
                firstOffset = lastOffset;
            }
            saveOffset = lastOffset;
            saveBin = bin;
            lastBin = bin;
            saveTid = tid;
        }
        records++;
    }

    private Chunks chunks(int tid, int bin) {
        return bins.get(tid).computeIfAbsent(bin, b -> new Chunks());
    }

    /** htslib's hts_reg2bin. */
    int regionToBin(long begin, long end) {
        end--;
        int shift = MIN_SHIFT;
        int first = ((1 << (3 * levels)) - 1) / 7;
        for (int level = levels; level > 0; level--, shift += 3, first -= 1 << (3 * level)) {
            if (begin >> shift == end >> shift) {
                return first + (int) (begin >> shift);
            }
        }
        return 0;
    }

    private static int firstBinOfLevel(int level) {
        return ((1 << (3 * level)) - 1) / 7;
    }

    private static int parent(int bin) {
        return (bin - 1) >> 3;
    }

    private static int levelOf(int bin) {
        int level = 0;
        for (int b = bin; b != 0; b = parent(b)) {
            level++;
        }
        return level;
    }

    /** htslib's hts_bin_bot: the first linear window under a bin. */
    private int bottomWindow(int bin) {
        int level = levelOf(bin);
        return (bin - firstBinOfLevel(level)) << (3 * (levels - level));
    }

    /**
     * Moves every virtual offset pushed so far by {@code bytes} of compressed data: records
     * pushed with offsets in a body that is then written after a header of {@code bytes}. Before
     * {@link #finish}, every offset the index holds is a record's (or unset, -1); the pseudo-bin's
     * record counts are not offsets and stay.
     */
    void shift(long bytes) {
        if (finished) {
            throw new IllegalStateException("shift after finish");
        }
        long delta = bytes << 16;
        for (int tid = 0; tid < bins.size(); tid++) {
            TreeMap<Integer, Chunks> referenceBins = bins.get(tid);
            if (referenceBins == null) {
                continue;
            }
            for (var entry : referenceBins.entrySet()) {
                Chunks chunks = entry.getValue();
                boolean meta = entry.getKey() == metaBin();
                for (int i = 0; i < chunks.count; i++) {
                    if (!meta || i == 0) { // the pseudo-bin's second pair is (mapped, unmapped) counts
                        chunks.pairs[2 * i] += delta;
                        chunks.pairs[2 * i + 1] += delta;
                    }
                }
            }
            linear.get(tid).shift(delta);
        }
        saveOffset += delta;
        lastOffset += delta;
        firstOffset += delta;
    }

    /** Ends the index at {@code finalOffset}, the virtual offset of the end of the data (htslib's hts_idx_finish). */
    void finish(long finalOffset) {
        if (finished) {
            return;
        }
        finished = true;
        if (saveTid >= 0) {
            chunks(saveTid, saveBin).add(saveOffset, finalOffset);
            chunks(saveTid, metaBin()).add(firstOffset, finalOffset);
            chunks(saveTid, metaBin()).add(records, 0);
        }
        for (int tid = 0; tid < bins.size(); tid++) {
            updateLinearOffsets(tid);
            compressBins(tid);
        }
    }

    private void updateLinearOffsets(int tid) {
        TreeMap<Integer, Chunks> referenceBins = bins.get(tid);
        if (referenceBins == null) {
            return;
        }
        Chunks meta = referenceBins.get(metaBin());
        LinearIndex windows = linear.get(tid);
        windows.setFirstOffset(meta != null ? meta.begin(0) : 0);
        for (var entry : referenceBins.entrySet()) {
            int bin = entry.getKey();
            if (bin < binCount) {
                entry.getValue().linearOffset = windows.offsetAt(bottomWindow(bin));
            } else {
                entry.getValue().linearOffset = 0;
            }
        }
    }

    /** htslib's compress_binning: small bins into their parents, then chunks that share a BGZF block merged. */
    private void compressBins(int tid) {
        TreeMap<Integer, Chunks> referenceBins = bins.get(tid);
        if (referenceBins == null) {
            return;
        }
        for (int level = levels; level > 0; level--) {
            int first = firstBinOfLevel(level);
            int next = firstBinOfLevel(level + 1);
            for (Integer bin : new ArrayList<>(referenceBins.subMap(first, next).keySet())) {
                Chunks chunks = referenceBins.get(bin);
                if (level < levels && chunks.count > 1) {
                    chunks.sort();
                }
                if ((chunks.end(chunks.count - 1) >>> 16) - (chunks.begin(0) >>> 16) < MIN_MARKER_DISTANCE) {
                    Chunks parentChunks = referenceBins.get(parent(bin));
                    if (parentChunks == null) {
                        continue;
                    }
                    for (int i = 0; i < chunks.count; i++) {
                        parentChunks.add(chunks.begin(i), chunks.end(i));
                    }
                    referenceBins.remove(bin);
                }
            }
        }
        for (var entry : referenceBins.entrySet()) {
            if (entry.getKey() >= binCount) {
                continue;
            }
            Chunks chunks = entry.getValue();
            chunks.sort();
            int kept = 0;
            for (int i = 1; i < chunks.count; i++) {
                if (chunks.end(kept) >>> 16 >= chunks.begin(i) >>> 16) {
                    if (chunks.end(kept) < chunks.end(i)) {
                        chunks.pairs[2 * kept + 1] = chunks.end(i);
                    }
                } else {
                    kept++;
                    chunks.pairs[2 * kept] = chunks.begin(i);
                    chunks.pairs[2 * kept + 1] = chunks.end(i);
                }
            }
            chunks.count = kept + 1;
        }
    }

    /** References seen so far (the highest id plus one). */
    int references() {
        return bins.size();
    }

    /** The bins of reference {@code tid} in ascending order, or null when it has no records. */
    TreeMap<Integer, Chunks> bins(int tid) {
        return tid < bins.size() ? bins.get(tid) : null;
    }

    /** The linear index of reference {@code tid} as a .tbi writes it, every window up to its last record's; after {@link #finish}. */
    long[] linear(int tid) {
        return linear.get(tid).dense();
    }

    /**
     * The linear index of one reference: for each 16 kb window, the offset of the first record
     * overlapping it, an empty window taking its predecessor's (htslib's insert_to_l and
     * update_loff). Kept sparse, only the windows records touch, in ascending order: a .csi's
     * positions reach 2^41, 2^27 windows, which a dense array would hold in 1 GiB for one site
     * at the end of a contig.
     */
    private static final class LinearIndex {
        private long[] windows = new long[16];
        private long[] offsets = new long[16];
        private int count;
        private long firstOffset;

        /**
         * Records come sorted by begin, so a window before the last one set is either set or
         * lies before this record's first window: only windows after the last set are new.
         */
        void add(long begin, long end, long offset) {
            long first = begin >> MIN_SHIFT;
            long last = (end - 1) >> MIN_SHIFT;
            long from = count == 0 ? first : Math.max(first, windows[count - 1] + 1);
            for (long window = from; window <= last; window++) {
                if (count == windows.length) {
                    windows = Arrays.copyOf(windows, 2 * count);
                    offsets = Arrays.copyOf(offsets, 2 * count);
                }
                windows[count] = window;
                offsets[count] = offset;
                count++;
            }
        }

        void shift(long delta) {
            for (int i = 0; i < count; i++) {
                offsets[i] += delta;
            }
        }

        /** The reference's first offset, which the windows before its first record take. */
        void setFirstOffset(long offset) {
            firstOffset = offset;
        }

        /** The window's offset as htslib's filled linear index has it; 0 beyond the last window set. */
        long offsetAt(long window) {
            if (count == 0 || window > windows[count - 1]) {
                return 0;
            }
            int found = Arrays.binarySearch(windows, 0, count, window);
            int atOrBefore = found >= 0 ? found : -found - 2;
            return atOrBefore < 0 ? firstOffset : offsets[atOrBefore];
        }

        long[] dense() {
            int length = count == 0 ? 0 : Math.toIntExact(windows[count - 1] + 1);
            long[] dense = new long[length];
            for (int window = 0; window < length; window++) {
                dense[window] = offsetAt(window);
            }
            return dense;
        }
    }
}
