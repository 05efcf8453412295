package org.hapmatrix.export;

import java.nio.ByteOrder;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;

/**
 * One result batch of {@code haplotype_sites} copied out of Arrow memory into plain arrays that
 * are reused from batch to batch (no garbage, flat heap): per site the position, REF's ENUM code,
 * the ALT alleles' ENUM codes and each pair's two ENUM codes. Every output format reads these.
 */
final class SiteColumns {
    private final int pairCount;
    private int rows;
    private int[][] pairCodes = new int[0][0];
    private long[] positions = new long[0];
    private int[] refCodes = new int[0];
    private long[] altMasks = new long[0];
    private boolean altAsMask;
    /** ALT as ENUM code lists (alphabets over 64 alleles): row r's codes are altCodes[altOffsets[r] .. altOffsets[r+1]). */
    private int[] altOffsets = new int[1];
    private int[] altCodes = new int[0];
    private byte[] codeBytes = new byte[0];
    private short[] codeShorts = new short[0];

    SiteColumns(int pairCount) {
        this.pairCount = pairCount;
    }

    /** Copies one result batch: the pair columns, then pos, ref_code and the ALT column. */
    void read(VectorSchemaRoot batch) {
        rows = batch.getRowCount();
        int pairColumns = 2 * pairCount;
        ensureCapacity(pairColumns, rows);
        for (int i = 0; i < pairColumns; i++) {
            copyCodes((BaseFixedWidthVector) batch.getVector(i), rows, pairCodes[i]);
        }
        ((BigIntVector) batch.getVector(pairColumns)).getDataBuffer().nioBuffer(0, rows * 8)
                .order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(positions, 0, rows);
        copyCodes((BaseFixedWidthVector) batch.getVector(pairColumns + 1), rows, refCodes);
        FieldVector alts = batch.getVector(pairColumns + 2);
        altAsMask = alts instanceof UInt8Vector;
        if (altAsMask) {
            alts.getDataBuffer().nioBuffer(0, rows * 8).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(altMasks, 0, rows);
        } else {
            copyCodeLists((ListVector) alts);
        }
    }

    int rows() {
        return rows;
    }

    long position(int row) {
        return positions[row];
    }

    int refCode(int row) {
        return refCodes[row];
    }

    /** ENUM code of the first (0) or second (1) sample of a pair. */
    int pairCode(int pair, int sample, int row) {
        return pairCodes[2 * pair + sample][row];
    }

    /**
     * Writes the row's ALT alleles' ENUM codes into {@code into} in ascending order (ENUM order is
     * byte order, so this is the table's ALT order) and returns how many there are.
     */
    int altCodes(int row, int[] into) {
        if (altAsMask) {
            int count = 0;
            for (long bits = altMasks[row]; bits != 0; bits &= bits - 1) {
                into[count++] = Long.numberOfTrailingZeros(bits);
            }
            return count;
        }
        int from = altOffsets[row];
        int count = altOffsets[row + 1] - from;
        System.arraycopy(altCodes, from, into, 0, count);
        return count;
    }

    private void ensureCapacity(int pairColumns, int rows) {
        if (positions.length < rows || pairCodes.length != pairColumns) {
            int capacity = Math.max(rows, positions.length);
            pairCodes = new int[pairColumns][capacity];
            positions = new long[capacity];
            refCodes = new int[capacity];
            altMasks = new long[capacity];
            codeBytes = new byte[capacity];
            codeShorts = new short[capacity];
            altOffsets = new int[capacity + 1];
        }
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

    private void copyCodeLists(ListVector lists) {
        ArrowBuf offsets = lists.getOffsetBuffer();
        for (int row = 0; row <= rows; row++) {
            altOffsets[row] = rows == 0 ? 0 : offsets.getInt((long) row * ListVector.OFFSET_WIDTH);
        }
        int values = altOffsets[rows];
        if (altCodes.length < values) {
            altCodes = new int[Math.max(values, 2 * altCodes.length)];
        }
        copyCodes((BaseFixedWidthVector) lists.getDataVector(), values, altCodes);
    }
}
