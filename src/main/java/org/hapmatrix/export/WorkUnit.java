package org.hapmatrix.export;

import java.util.ArrayList;
import java.util.List;
import org.hapmatrix.store.ContigInfo;

/**
 * One query's share of the export: the matrix rows {@code firstRow..lastRow}, either all of them
 * ({@code onlyContig} null; the range then holds whole runs of consecutive contigs, named by
 * {@code contigStarts}/{@code contigNames}), or only the rows of {@code onlyContig} (a contig
 * whose rows are interleaved with other contigs' rows in the file).
 *
 * @param contigStarts first rowid of each contig run in the range, ascending
 * @param contigNames  the contig of each run
 */
record WorkUnit(int index, long firstRow, long lastRow, String onlyContig, long[] contigStarts, String[] contigNames,
                Region region) {
    WorkUnit(int index, long firstRow, long lastRow, String onlyContig, long[] contigStarts, String[] contigNames) {
        this(index, firstRow, lastRow, onlyContig, contigStarts, contigNames, null);
    }

    long rows() {
        return lastRow - firstRow + 1;
    }

    /**
     * Cuts the contigs (in output order) into units of at most {@code rowsPerUnit} rows. Contigs
     * whose rows are one block of the file, back to back, share units, so many small contigs cost
     * a few queries, not one each; the rows of such a range, in rowid order, are those contigs'
     * sites in output order. A contig whose rows are interleaved with others keeps units of its
     * own that select it by name, as its rowid range also holds other contigs' rows.
     */
    static List<WorkUnit> cut(List<ContigInfo> contigs, long rowsPerUnit) {
        return cut(contigs, java.util.Map.of(), rowsPerUnit);
    }

    /**
     * With regions: a contig that has some gets units of its own per region (sorted, merged),
     * which select its rows by name and by position, so its sites come region by region.
     */
    static List<WorkUnit> cut(List<ContigInfo> contigs, java.util.Map<String, List<Region>> regions, long rowsPerUnit) {
        return cut(contigs, regions, rowsPerUnit, rowsPerUnit, null);
    }

    /**
     * Where a unit may start inside a contig ({@code --gaps deletion}: not inside a run of gaps or
     * just after its anchor, which one unit must format whole).
     */
    interface Starts {
        /** The first row from {@code row} on, within the contig's rows, where a unit may start; past its last row if none. */
        long firstFrom(ContigInfo contig, long row);
    }

    /**
     * With a first unit of {@code firstUnitRows} rows (at most {@code rowsPerUnit}) where contigs
     * share units (a segment whose first rows end a unit that began in the segment before), and
     * with {@code starts} (or null: anywhere): units of a contig in one block start only where it
     * says (a unit then grows past {@code rowsPerUnit} to the next such row), and a contig
     * interleaved with others stays one unit.
     */
    static List<WorkUnit> cut(List<ContigInfo> contigs, java.util.Map<String, List<Region>> regions, long rowsPerUnit,
                              long firstUnitRows, Starts starts) {
        Builder builder = new Builder(rowsPerUnit, firstUnitRows, starts);
        for (ContigInfo contig : contigs) {
            List<Region> contigRegions = regions.get(contig.name());
            if (contigRegions != null) {
                builder.flush();
                for (Region region : contigRegions) {
                    builder.addRegion(contig, region);
                }
                continue;
            }
            boolean oneBlock = contig.sites() == contig.lastRow() - contig.firstRow() + 1;
            if (oneBlock) {
                builder.addBlock(contig);
            } else {
                builder.addInterleaved(contig);
            }
        }
        builder.flush();
        return builder.units;
    }

    private static final class Builder {
        private final long rowsPerUnit;
        /** Rows the unit being built may take. */
        private long capacity;
        private final Starts unitStarts;
        private final List<WorkUnit> units = new ArrayList<>();
        private final List<Long> starts = new ArrayList<>();
        private final List<String> names = new ArrayList<>();
        private long first = -1;
        private long last = -1;

        Builder(long rowsPerUnit, long firstUnitRows, Starts unitStarts) {
            this.rowsPerUnit = rowsPerUnit;
            this.capacity = firstUnitRows;
            this.unitStarts = unitStarts;
        }

        void addBlock(ContigInfo contig) {
            if (first >= 0 && contig.firstRow() != last + 1) {
                flush(); // a row of another contig (or of one not selected) lies between
            }
            long row = contig.firstRow();
            while (row <= contig.lastRow()) {
                if (first < 0) {
                    first = row;
                }
                long take = Math.min(contig.lastRow() - row + 1, capacity - (row - first));
                if (unitStarts != null && row + take <= contig.lastRow()) {
                    take = Math.min(contig.lastRow() + 1, unitStarts.firstFrom(contig, row + take)) - row;
                }
                starts.add(row);
                names.add(contig.name());
                row += take;
                last = row - 1;
                if (last - first + 1 >= capacity) {
                    flush();
                }
            }
        }

        void addRegion(ContigInfo contig, Region region) {
            for (long row = contig.firstRow(); row <= contig.lastRow(); row += rowsPerUnit) {
                long end = Math.min(contig.lastRow(), row + rowsPerUnit - 1);
                units.add(new WorkUnit(units.size(), row, end, contig.name(), new long[] {row},
                        new String[] {contig.name()}, region));
            }
        }

        void addInterleaved(ContigInfo contig) {
            flush();
            long rows = unitStarts == null ? rowsPerUnit : contig.lastRow() - contig.firstRow() + 1;
            for (long row = contig.firstRow(); row <= contig.lastRow(); row += rows) {
                long end = Math.min(contig.lastRow(), row + rows - 1);
                units.add(new WorkUnit(units.size(), row, end, contig.name(), new long[] {row},
                        new String[] {contig.name()}));
            }
        }

        void flush() {
            if (first < 0) {
                return;
            }
            capacity = rowsPerUnit;
            units.add(new WorkUnit(units.size(), first, last, null,
                    starts.stream().mapToLong(Long::longValue).toArray(), names.toArray(String[]::new)));
            starts.clear();
            names.clear();
            first = -1;
            last = -1;
        }
    }
}
