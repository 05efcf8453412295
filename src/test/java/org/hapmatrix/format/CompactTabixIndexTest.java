package org.hapmatrix.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import htsjdk.tribble.Feature;
import htsjdk.tribble.index.tabix.TabixFormat;
import htsjdk.tribble.index.tabix.TabixIndexCreator;
import htsjdk.tribble.util.LittleEndianOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The compact tabix index writes htsjdk's TabixIndexCreator's bytes for the same records, and holds
 * only what each contig uses: 100,000 one-site contigs fit in a small heap (htsjdk: ~150 KB each).
 */
class CompactTabixIndexTest {
    private record Site(String getContig, int getStart, int getEnd) implements Feature {
    }

    @Test
    void sameBytesAsHtsjdkForRandomRecords() throws IOException {
        for (long seed = 1; seed <= 20; seed++) {
            Random random = new Random(seed);
            TabixIndexCreator htsjdk = new TabixIndexCreator(TabixFormat.VCF);
            CompactTabixIndex compact = new CompactTabixIndex(TabixFormat.VCF);
            long pointer = 0;
            int contigs = 1 + random.nextInt(5);
            for (int contig = 0; contig < contigs; contig++) {
                String name = "c" + contig + (random.nextBoolean() ? "\u00e9" : "");
                int position = 1 + random.nextInt(100_000);
                int records = 1 + random.nextInt(2_000);
                for (int r = 0; r < records; r++) {
                    position += random.nextInt(random.nextInt(10) == 0 ? 2_000_000 : 50);
                    int end = position + random.nextInt(random.nextInt(20) == 0 ? 40_000 : 3);
                    htsjdk.addFeature(new Site(name, position, end), pointer);
                    compact.add(name, position, end, pointer);
                    // mostly within a block, sometimes the next one or one far off
                    pointer += random.nextInt(8) == 0 ? (((long) random.nextInt(3) + 1) << 16) : 1 + random.nextInt(200);
                }
            }
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            htsjdk.finalizeIndex(pointer).write(new LittleEndianOutputStream(expected));
            ByteArrayOutputStream actual = new ByteArrayOutputStream();
            compact.write(pointer, new LittleEndianOutputStream(actual));
            assertArrayEquals(expected.toByteArray(), actual.toByteArray(), "seed " + seed);
        }
    }

    @Test
    void manyContigsNeedLittleMemory() throws IOException {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long before = runtime.totalMemory() - runtime.freeMemory();
        CompactTabixIndex index = new CompactTabixIndex(TabixFormat.VCF);
        for (int contig = 0; contig < 100_000; contig++) {
            index.add("scaffold_" + contig, 10, 10, (long) contig << 16);
        }
        System.gc();
        long used = runtime.totalMemory() - runtime.freeMemory() - before;
        assertTrue(used < 100L << 20, "100,000 contigs held " + (used >> 20) + " MiB");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        index.write(100_000L << 16, new LittleEndianOutputStream(out));
        assertTrue(out.size() > 100_000 * 20);
    }
}
