package org.hapmatrix.export;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.hapmatrix.format.SiteRows;

/**
 * One result batch of {@code haplotype_sites} copied out of Arrow memory into plain arrays that
 * are reused from batch to batch (no garbage, flat heap): per site its contig, the position,
 * REF's ENUM code, the ALT alleles' ENUM codes and each pair's two ENUM codes. Every output
 * format reads these. For alphabets over 64 alleles the query sends every row and this class
 * takes ALT from the codes ({@link HaplotypeQuery.AltInJava}), keeping only the rows to write.
 */
final class SiteColumns extends SiteRows {
    private final int pairCount;
    /** The unit's contig runs: the first rowid of each, and its name. */
    private long[] contigStarts;
    private String[] contigNames;
    private byte[][] contigBytes;
    private int contigRun;
    private int rows;
    /** Row r's pair codes are pairCodes[pairOffsets[r] ..], a then b per pair. */
    private int[] pairOffsets = new int[1];
    private int[] pairCodes = new int[0];
    /** One pair column's codes of a batch, on their way into pairCodes. */
    private int[] columnCodes = new int[0];
    /**
     * The pair columns' one-byte codes as sent, column by column, when {@link #codesByColumn}: read
     * in place, without turning them into rows (that took 5% of a 4M convert's CPU).
     */
    private byte[][] pairColumnBytes = new byte[0][];
    private boolean codesByColumn;
    private long[] sites = new long[0];
    private int[] siteContigRuns = new int[0];
    private long[] positions = new long[0];
    private int[] refCodes = new int[0];
    private long[] altMasks = new long[0];
    private boolean altAsMask;
    private final int maskLeadingZeros;
    /** ALT as ENUM code lists (alphabets over 64 alleles): row r's codes are altCodes[altOffsets[r] .. altOffsets[r+1]). */
    private int[] altOffsets = new int[1];
    private int[] altCodes = new int[0];
    /** How ALT is taken here (alphabets over 64 alleles), or null when the query sends it. */
    private final HaplotypeQuery.AltInJava altInJava;
    /** The ALT samples' codes of a batch when they are not the pairs' (alt_sample_codes). */
    private int[] altSampleOffsets = new int[1];
    private int[] altSampleCodes = new int[0];
    /** Per ENUM code, the last row (by {@link #rowStamp}) it was seen in: distinct codes without clearing. */
    private final int[] seenInRow;
    private int rowStamp;
    private byte[] codeBytes = new byte[0];
    private short[] codeShorts = new short[0];

    /** The unit's phase sets by site, each per pair (-1 none), or null when the database has none. */
    private java.util.Map<Long, long[]> phaseSets;

    /** Gives this unit's phase sets (site to per-pair values), see {@link PhaseSetLookup}. */
    void setPhaseSets(java.util.Map<Long, long[]> phaseSets) {
        this.phaseSets = phaseSets;
    }

    @Override
    public boolean hasPhaseSets(int row) {
        return phaseSets != null && !phaseSets.isEmpty() && phaseSets.containsKey(sites[row]);
    }

    @Override
    public long phaseSet(int pair, int row) {
        long[] values = phaseSets == null ? null : phaseSets.get(sites[row]);
        return values == null ? -1 : values[pair];
    }

    /** Columns for one export worker's units, one after the other ({@link #startUnit}): the arrays are kept. */
    SiteColumns(int pairCount, HaplotypeQuery query) {
        this.pairCount = pairCount;
        this.altInJava = query.altInJava();
        this.maskLeadingZeros = query.maskLeadingZeros();
        this.seenInRow = altInJava == null ? null : new int[altInJava.alphabetSize()];
    }

    /** Starts a unit: its contig runs, and no phase sets until {@link #setPhaseSets}. */
    void startUnit(WorkUnit unit) {
        this.phaseSets = null;
        this.contigRun = 0;
        this.rows = 0;
        this.contigStarts = unit.contigStarts();
        this.contigNames = unit.contigNames();
        this.contigBytes = new byte[contigNames.length][];
        for (int run = 0; run < contigNames.length; run++) {
            contigBytes[run] = contigNames[run].getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Copies one result batch: site, pos, ref_code, the ALT column (alt_mask or alt_codes) and the pairs' codes. */
    void read(VectorSchemaRoot batch) {
        rows = batch.getRowCount();
        ensureCapacity(rows);
        if (rows == 0) {
            return;
        }
        readPairCodes(batch);
        copyLongs(batch.getVector("site"), sites);
        for (int row = 0; row < rows; row++) {
            // Sites ascend within a unit, so the run only moves forward.
            while (contigRun + 1 < contigStarts.length && sites[row] >= contigStarts[contigRun + 1]) {
                contigRun++;
            }
            siteContigRuns[row] = contigRun;
        }
        copyLongs(batch.getVector("pos"), positions);
        copyCodes((BaseFixedWidthVector) batch.getVector("ref_code"), rows, refCodes);
        altAsMask = altInJava == null;
        if (altAsMask) {
            copyLongs(batch.getVector("alt_mask"), altMasks);
        } else {
            takeAlts(batch);
        }
    }

    /**
     * ALT of every row from its ALT samples' codes (see {@link HaplotypeQuery.AltInJava}); the rows
     * whose ALT is empty are dropped (moved over by the later rows) unless every row is kept.
     */
    private void takeAlts(VectorSchemaRoot batch) {
        ListVector altSamples = (ListVector) batch.getVector("alt_sample_codes");
        if (altSamples != null) {
            int values = offsets(altSamples, altSampleOffsets);
            if (altSampleCodes.length < values) {
                altSampleCodes = new int[Math.max(values, 2 * altSampleCodes.length)];
            }
            copyCodes((BaseFixedWidthVector) altSamples.getDataVector(), values, altSampleCodes);
        }
        int missingCode = altInJava.missingCode();
        int kept = 0;
        int altEnd = 0;
        for (int row = 0; row < rows; row++) {
            int[] codes;
            int from;
            int to;
            if (altInJava.fromPairs()) {
                codes = pairCodes;
                from = pairOffsets[row];
                to = from + 2 * pairCount;
            } else {
                codes = altSampleCodes;
                from = altSamples == null ? 0 : altSampleOffsets[row];
                to = altSamples == null ? 0 : altSampleOffsets[row + 1];
            }
            if (altCodes.length < altEnd + (to - from)) {
                altCodes = Arrays.copyOf(altCodes, Math.max(altEnd + (to - from), 2 * altCodes.length));
            }
            if (++rowStamp == 0) {
                Arrays.fill(seenInRow, 0);
                rowStamp = 1;
            }
            int ref = refCodes[row];
            int altStart = altEnd;
            for (int i = from; i < to; i++) {
                int code = codes[i];
                if (seenInRow[code] != rowStamp) {
                    seenInRow[code] = rowStamp;
                    if (code != ref && code != missingCode) {
                        // Insertion into the sorted run: ALTs are few per site.
                        int at = altEnd++;
                        while (at > altStart && altCodes[at - 1] > code) {
                            altCodes[at] = altCodes[at - 1];
                            at--;
                        }
                        altCodes[at] = code;
                    }
                }
            }
            if (altEnd == altStart && !altInJava.everyRow()) {
                continue;
            }
            if (kept != row) {
                sites[kept] = sites[row];
                siteContigRuns[kept] = siteContigRuns[row];
                positions[kept] = positions[row];
                refCodes[kept] = refCodes[row];
                pairOffsets[kept] = pairOffsets[row];
            }
            altOffsets[kept] = altStart;
            altOffsets[kept + 1] = altEnd;
            kept++;
        }
        rows = kept;
    }

    /**
     * The pairs' codes, row after row: from the list column pair_alleles, or from one column per
     * pair sample (see {@link HaplotypeQuery}), interleaved here into the same layout.
     */
    private void readPairCodes(VectorSchemaRoot batch) {
        ListVector pairs = (ListVector) batch.getVector("pair_alleles");
        codesByColumn = false;
        if (pairs != null) {
            int pairCells = offsets(pairs, pairOffsets);
            ensurePairCells(pairCells);
            copyCodes((BaseFixedWidthVector) pairs.getDataVector(), pairCells, pairCodes);
            return;
        }
        int columns = 2 * pairCount;
        codesByColumn = altInJava == null && columns > 0
                && ((BaseFixedWidthVector) batch.getVector(HaplotypeQuery.PAIR_COLUMN_PREFIX + 0)).getTypeWidth() == 1;
        if (codesByColumn) {
            if (pairColumnBytes.length < columns) {
                pairColumnBytes = new byte[columns][0];
            }
            for (int column = 0; column < columns; column++) {
                if (pairColumnBytes[column].length < rows) {
                    pairColumnBytes[column] = new byte[Math.max(rows, 2 * pairColumnBytes[column].length)];
                }
                batch.getVector(HaplotypeQuery.PAIR_COLUMN_PREFIX + column).getDataBuffer()
                        .getBytes(0, pairColumnBytes[column], 0, rows);
            }
            return;
        }
        ensurePairCells(rows * columns);
        for (int row = 0; row <= rows; row++) {
            pairOffsets[row] = row * columns;
        }
        if (columnCodes.length < rows) {
            columnCodes = new int[rows];
        }
        for (int column = 0; column < columns; column++) {
            copyCodes((BaseFixedWidthVector) batch.getVector(HaplotypeQuery.PAIR_COLUMN_PREFIX + column), rows, columnCodes);
            for (int row = 0, cell = column; row < rows; row++, cell += columns) {
                pairCodes[cell] = columnCodes[row];
            }
        }
    }

    private void ensurePairCells(int cells) {
        if (pairCodes.length < cells) {
            pairCodes = new int[Math.max(cells, 2 * pairCodes.length)];
        }
    }

    @Override
    public byte[] contig(int row) {
        return contigBytes[siteContigRuns[row]];
    }

    @Override
    public String contigName(int row) {
        return contigNames[siteContigRuns[row]];
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public long position(int row) {
        return positions[row];
    }

    @Override
    public int refCode(int row) {
        return refCodes[row];
    }

    @Override
    public int pairCode(int pair, int sample, int row) {
        if (codesByColumn) {
            return pairColumnBytes[2 * pair + sample][row] & 0xFF;
        }
        return pairCodes[pairOffsets[row] + 2 * pair + sample];
    }

    @Override
    public byte[][] pairCodeColumns() {
        return codesByColumn ? pairColumnBytes : null;
    }

    @Override
    public int altCodes(int row, int[] into) {
        if (altAsMask) {
            int count = 0;
            // Bits count from the top (HaplotypeQuery#maskLeadingZeros): the highest set bit is the lowest code.
            for (long bits = altMasks[row]; bits != 0; ) {
                int leading = Long.numberOfLeadingZeros(bits);
                into[count++] = leading - maskLeadingZeros;
                bits &= ~(Long.MIN_VALUE >>> leading);
            }
            return count;
        }
        int from = altOffsets[row];
        int count = altOffsets[row + 1] - from;
        System.arraycopy(altCodes, from, into, 0, count);
        return count;
    }

    private void ensureCapacity(int rows) {
        if (positions.length < rows) {
            sites = new long[rows];
            siteContigRuns = new int[rows];
            positions = new long[rows];
            refCodes = new int[rows];
            altMasks = new long[rows];
            pairOffsets = new int[rows + 1];
            altOffsets = new int[rows + 1];
            altSampleOffsets = new int[rows + 1];
        }
    }

    private void copyLongs(FieldVector vector, long[] values) {
        vector.getDataBuffer().nioBuffer(0, rows * 8).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(values, 0, rows);
    }

    /** Copies a list column's offsets (rows + 1 of them) and returns how many values to copy from its child's start. */
    private int offsets(ListVector lists, int[] into) {
        ArrowBuf offsets = lists.getOffsetBuffer();
        for (int row = 0; row <= rows; row++) {
            into[row] = offsets.getInt((long) row * ListVector.OFFSET_WIDTH);
        }
        return into[rows];
    }

    /** ENUM codes of a column: DuckDB sends UTINYINT or USMALLINT depending on the alphabet's size. */
    private void copyCodes(BaseFixedWidthVector vector, int count, int[] codes) {
        if (codeBytes.length < count) {
            codeBytes = new byte[count];
            codeShorts = new short[count];
        }
        ArrowBuf data = vector.getDataBuffer();
        if (vector.getTypeWidth() == 1) {
            data.getBytes(0, codeBytes, 0, count);
            for (int i = 0; i < count; i++) {
                codes[i] = codeBytes[i] & 0xFF;
            }
        } else {
            data.nioBuffer(0, count * 2).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(codeShorts, 0, count);
            for (int i = 0; i < count; i++) {
                codes[i] = codeShorts[i] & 0xFFFF;
            }
        }
    }
}
