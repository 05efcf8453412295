package org.hapmatrix.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A {@code .csi} whose depth grows with the positions ({@link BinningIndex#reach}) against one
 * built at its final depth from the start, and the depths and limits {@link TabixIndexWriter}
 * takes from it. The indexes themselves are compared with htslib's in HtslibIndexTest.
 */
class BinningIndexTest {
    /** One record: reference, begin and end (0-based, end exclusive), virtual offset. */
    private record Pushed(int tid, long begin, long end, long offset) {
    }

    /**
     * Sorted records on four references whose positions reach 2^20, 2^32 + 2^20, 2^35 + 2^20 and
     * 2^20 again, so a growing index deepens twice, once within a reference; spans of one base to
     * 2^24 (bins of several levels), offsets sometimes more than a BGZF block apart (bins merged
     * into their parents or not).
     */
    private static List<Pushed> records(long seed) {
        Random random = new Random(seed);
        List<Pushed> records = new ArrayList<>();
        long block = 1000;
        long[] firsts = {1, (1L << 32) - (1L << 20), (1L << 35) - (1L << 20), 1};
        for (int tid = 0; tid < firsts.length; tid++) {
            long begin = firsts[tid];
            for (int i = 0; i < 400; i++) {
                begin += 1 + random.nextInt(1 << 13);
                long span = random.nextInt(10) == 0 ? 1 + random.nextInt(1 << 24) : 1 + random.nextInt(3);
                block += random.nextInt(4) == 0 ? 20_000 + random.nextInt(60_000) : random.nextInt(300);
                records.add(new Pushed(tid, begin, begin + span, block << 16 | random.nextInt(1 << 16)));
            }
        }
        return records;
    }

    /** Every bin of every reference: number, loff, chunks (the pseudo-bin's counts among them). */
    private static String bins(BinningIndex index) {
        StringBuilder text = new StringBuilder("levels " + index.levels + "\n");
        for (int tid = 0; tid < index.references(); tid++) {
            var bins = index.bins(tid);
            if (bins == null) {
                continue;
            }
            final int reference = tid;
            bins.forEach((bin, chunks) -> {
                text.append(reference).append(" bin ").append(bin).append(" loff ").append(chunks.linearOffset);
                for (int i = 0; i < chunks.count; i++) {
                    text.append(' ').append(chunks.begin(i)).append('-').append(chunks.end(i));
                }
                text.append('\n');
            });
        }
        return text.toString();
    }

    @Test
    void anIndexDeepenedOnTheWayIsTheOneBuiltThatDeepFromTheStart() {
        for (long seed = 1; seed <= 5; seed++) {
            List<Pushed> records = records(seed);
            long finalOffset = (records.get(records.size() - 1).offset() >>> 16) + 100_000 << 16;
            BinningIndex growing = new BinningIndex(6);
            for (Pushed record : records) {
                assertTrue(growing.reach(record.end()));
                growing.push(record.tid(), record.begin(), record.end(), record.offset());
            }
            assertEquals(8, growing.levels, "2^35 + 2^20 needs 8 levels");
            BinningIndex direct = new BinningIndex(8);
            for (Pushed record : records) {
                direct.push(record.tid(), record.begin(), record.end(), record.offset());
            }
            growing.finish(finalOffset);
            direct.finish(finalOffset);
            assertEquals(bins(direct), bins(growing), "seed " + seed);
        }
    }

    @Test
    void theDepthIsTheSmallestFromSixThatHoldsEveryEndUpToNine() {
        BinningIndex index = new BinningIndex(6);
        long[][] endAndLevels = {{1, 6}, {1L << 32, 6}, {(1L << 32) + 1, 7}, {1L << 35, 7}, {(1L << 35) + 1, 8},
            {1L << 41, 9}};
        for (long[] endAndLevel : endAndLevels) {
            assertTrue(index.reach(endAndLevel[0]));
            assertEquals(endAndLevel[1], index.levels, "end " + endAndLevel[0]);
        }
        assertFalse(index.reach((1L << 41) + 1));
        assertEquals(9, index.levels);
        assertEquals(1L << 41, TabixIndexWriter.MAX_CSI_END);
    }

    @Test
    void positionsBeyond32BitsAreSortedAndBeyondTheCsiNoIndexIsWritten() throws Exception {
        TabixIndexWriter writer = new TabixIndexWriter(TabixIndexWriter.Columns.TABLE);
        assertTrue(writer.add("c1", Integer.MAX_VALUE, Integer.MAX_VALUE, 1L << 16));
        assertTrue(writer.add("c1", Integer.MAX_VALUE + 1L, Integer.MAX_VALUE + 1L, 2L << 16), "2^31 comes after 2^31 - 1");
        assertEquals(Integer.MAX_VALUE + 1L, writer.previousStart());
        assertFalse(writer.add("c1", 5, 5, 3L << 16));
        assertTrue(writer.fitsCsi());
        assertNull(writer.beyondCsi());
        assertFalse(writer.fitsTbi());

        assertTrue(writer.add("c1", (1L << 41) + 1, (1L << 41) + 1, 4L << 16));
        assertFalse(writer.fitsCsi());
        assertEquals("contig 'c1', position 2199023255553", writer.beyondCsi());
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> writer.write(5, new ByteArrayOutputStream(), IndexKind.csi));
        assertEquals("a .csi cannot hold contig 'c1', position 2199023255553", refused.getMessage());
    }

    /**
     * The linear index against htslib's dense one written plainly (insert_to_l: each window a
     * record overlaps takes its offset if still empty; update_loff: empty windows take the one
     * before, those before the first record the reference's first offset): the .tbi's windows and
     * every bin's loff (the offset of its first window, 0 beyond the last).
     */
    @Test
    void theLinearIndexIsHtslibsDenseOne() {
        for (long seed = 1; seed <= 5; seed++) {
            Random random = new Random(seed);
            BinningIndex index = new BinningIndex(5);
            List<Pushed> records = new ArrayList<>();
            long block = 1000;
            for (int tid = 0; tid < 3; tid++) {
                long begin = random.nextInt(1 << 20);
                for (int i = 0; i < 300; i++) {
                    begin += random.nextInt(3) == 0 ? random.nextInt(1 << 18) : random.nextInt(100);
                    long span = random.nextInt(8) == 0 ? 1 + random.nextInt(1 << 16) : 1;
                    block += 1 + random.nextInt(30_000);
                    records.add(new Pushed(tid, begin, begin + span, block << 16));
                }
            }
            records.forEach(r -> index.push(r.tid(), r.begin(), r.end(), r.offset()));
            index.finish(block + 70_000 << 16);
            for (int tid = 0; tid < 3; tid++) {
                final int reference = tid;
                long[] expected = denseLinear(records.stream().filter(r -> r.tid() == reference).toList());
                assertArrayEquals(expected, index.linear(tid), "seed " + seed + ", reference " + tid);
                index.bins(tid).forEach((bin, chunks) -> {
                    if (bin < index.binCount) {
                        int bottom = bottomWindow(bin, index.levels);
                        assertEquals(bottom < expected.length ? expected[bottom] : 0, chunks.linearOffset, "bin " + bin);
                    }
                });
            }
        }
    }

    private static long[] denseLinear(List<Pushed> records) {
        int length = (int) ((records.stream().mapToLong(Pushed::end).max().orElseThrow() - 1) >> BinningIndex.MIN_SHIFT) + 1;
        long[] windows = new long[length];
        Arrays.fill(windows, -1);
        for (Pushed record : records) {
            for (long w = record.begin() >> BinningIndex.MIN_SHIFT; w <= (record.end() - 1) >> BinningIndex.MIN_SHIFT; w++) {
                if (windows[(int) w] == -1) {
                    windows[(int) w] = record.offset();
                }
            }
        }
        for (int w = 0; w < length; w++) {
            if (windows[w] == -1) {
                windows[w] = w == 0 ? records.get(0).offset() : windows[w - 1];
            }
        }
        return windows;
    }

    /** htslib's hts_bin_bot, from the bin's level. */
    private static int bottomWindow(int bin, int levels) {
        int level = 0;
        int first = 0;
        while (bin >= first + (1 << (3 * level))) {
            first += 1 << (3 * level);
            level++;
        }
        return (bin - first) << (3 * (levels - level));
    }

    /** A site at the end of a .csi's reach costs a few windows, not a dense array of 2^27 (1 GiB). */
    @Test
    void aSiteNearTheCsisLimitTakesLittleMemory() throws Exception {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        TabixIndexWriter writer = new TabixIndexWriter(TabixIndexWriter.Columns.TABLE);
        assertTrue(writer.add("c1", 1, 1, 1L << 16));
        assertTrue(writer.add("c1", (1L << 41) - 1, 1L << 41, 2L << 16));
        ByteArrayOutputStream csi = new ByteArrayOutputStream();
        writer.write(3, csi, IndexKind.csi);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 16L << 20, "allocated " + allocated + " bytes");
        assertTrue(csi.size() > 0);
    }
}
