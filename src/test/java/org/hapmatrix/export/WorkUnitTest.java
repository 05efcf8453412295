package org.hapmatrix.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.hapmatrix.store.ContigInfo;
import org.junit.jupiter.api.Test;

/** How contigs become work units: small back-to-back contigs share one, interleaved ones keep their own. */
class WorkUnitTest {
    private static ContigInfo contig(String name, int ordinal, long sites, long firstRow, long lastRow) {
        return new ContigInfo(name, ordinal, sites, 1, sites, firstRow, lastRow);
    }

    @Test
    void backToBackContigsShareUnitsUpToTheUnitSize() {
        List<WorkUnit> units = WorkUnit.cut(List.of(contig("a", 1, 3, 0, 2), contig("b", 2, 4, 3, 6),
                contig("c", 3, 5, 7, 11)), 8);
        assertEquals(2, units.size());
        assertEquals(0, units.get(0).firstRow());
        assertEquals(7, units.get(0).lastRow());
        assertNull(units.get(0).onlyContig());
        assertArrayEquals(new long[] {0, 3, 7}, units.get(0).contigStarts());
        assertArrayEquals(new String[] {"a", "b", "c"}, units.get(0).contigNames());
        assertEquals(8, units.get(1).firstRow());
        assertEquals(11, units.get(1).lastRow());
        assertArrayEquals(new String[] {"c"}, units.get(1).contigNames());
    }

    /** Rows: x x y x z z — x is interleaved with y, so y and z cannot share x's range. */
    @Test
    void anInterleavedContigIsSelectedByNameAndBreaksTheRun() {
        List<WorkUnit> units = WorkUnit.cut(List.of(contig("x", 1, 3, 0, 3), contig("y", 2, 1, 2, 2),
                contig("z", 3, 2, 4, 5)), 100);
        assertEquals(3, units.size());
        assertEquals("x", units.get(0).onlyContig());
        assertEquals(0, units.get(0).firstRow());
        assertEquals(3, units.get(0).lastRow());
        assertArrayEquals(new String[] {"y"}, units.get(1).contigNames());
        assertNull(units.get(1).onlyContig());
        assertEquals(2, units.get(1).lastRow());
        assertArrayEquals(new long[] {4}, units.get(2).contigStarts());
        assertEquals(5, units.get(2).lastRow());
    }

    /** A contig left out by --contigs leaves a gap: its neighbours may not share a range over it. */
    @Test
    void aGapInTheRowsEndsTheUnit() {
        List<WorkUnit> units = WorkUnit.cut(List.of(contig("a", 1, 2, 0, 1), contig("c", 3, 2, 4, 5)), 100);
        assertEquals(2, units.size());
        assertEquals(1, units.get(0).lastRow());
        assertEquals(4, units.get(1).firstRow());
    }
}
