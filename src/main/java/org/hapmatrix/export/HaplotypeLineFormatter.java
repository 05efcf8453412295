package org.hapmatrix.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Writes the rows of {@code haplotype_sites} as table lines:
 * {@code contig pos ref alt} then {@code contig a|b} per pair, tab-separated.
 * Alleles arrive as ENUM codes and are written from pre-encoded bytes.
 */
final class HaplotypeLineFormatter {
    private static final byte TAB = '\t';

    private final byte[] contig;
    private final byte[][] alleleBytes;
    private final int pairCount;
    private final OutputStream out;
    private byte[] buffer = new byte[1 << 16];
    private int[][] pairCodes = new int[0][0];
    private long[] positions = new long[0];
    private int[] refCodes = new int[0];
    private long[] altMasks = new long[0];
    private byte[] codeBytes = new byte[0];
    private short[] codeShorts = new short[0];
    private int length;
    private long linesWritten;

    HaplotypeLineFormatter(String contig, List<String> alleles, int pairCount, OutputStream out) {
        this.contig = contig.getBytes(StandardCharsets.UTF_8);
        this.alleleBytes = alleles.stream().map(a -> a.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        this.pairCount = pairCount;
        this.out = out;
    }

    /** Formats every row of one result batch. */
    void write(VectorSchemaRoot batch) throws IOException {
        int rows = batch.getRowCount();
        int pairColumns = 2 * pairCount;
        ensureColumns(pairColumns, rows);
        // Bulk copies out of Arrow memory into arrays reused from batch to batch (no garbage, flat heap).
        for (int i = 0; i < pairColumns; i++) {
            copyCodes((BaseFixedWidthVector) batch.getVector(i), rows, pairCodes[i]);
        }
        ((BigIntVector) batch.getVector(pairColumns)).getDataBuffer().nioBuffer(0, rows * 8)
                .order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(positions, 0, rows);
        copyCodes((BaseFixedWidthVector) batch.getVector(pairColumns + 1), rows, refCodes);
        FieldVector alts = batch.getVector(pairColumns + 2);
        boolean altAsMask = alts instanceof UInt8Vector;
        if (altAsMask) {
            alts.getDataBuffer().nioBuffer(0, rows * 8).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(altMasks, 0, rows);
        }
        for (int row = 0; row < rows; row++) {
            byte[] ref = alleleBytes[refCodes[row]];
            ensureRoom(contig.length + ref.length + 24);
            put(contig);
            buffer[length++] = TAB;
            putDecimal(positions[row]);
            buffer[length++] = TAB;
            put(ref);
            buffer[length++] = TAB;
            if (altAsMask) {
                putAlleles(altMasks[row]);
            } else {
                putVarChar((VarCharVector) alts, row);
            }
            for (int pair = 0; pair < pairCount; pair++) {
                byte[] first = alleleBytes[pairCodes[2 * pair][row]];
                byte[] second = alleleBytes[pairCodes[2 * pair + 1][row]];
                ensureRoom(contig.length + first.length + second.length + 3);
                buffer[length++] = TAB;
                put(contig);
                buffer[length++] = TAB;
                put(first);
                buffer[length++] = '|';
                put(second);
            }
            ensureRoom(1);
            buffer[length++] = '\n';
            linesWritten++;
        }
    }

    long linesWritten() {
        return linesWritten;
    }

    void flush() throws IOException {
        out.write(buffer, 0, length);
        length = 0;
    }

    private void ensureColumns(int pairColumns, int rows) {
        if (positions.length < rows || pairCodes.length != pairColumns) {
            int capacity = Math.max(rows, positions.length);
            pairCodes = new int[pairColumns][capacity];
            positions = new long[capacity];
            refCodes = new int[capacity];
            altMasks = new long[capacity];
            codeBytes = new byte[capacity];
            codeShorts = new short[capacity];
        }
    }

    /** ENUM codes of a column: DuckDB sends UTINYINT or USMALLINT depending on the alphabet's size. */
    private void copyCodes(BaseFixedWidthVector vector, int rows, int[] codes) {
        ArrowBuf data = vector.getDataBuffer();
        if (vector.getTypeWidth() == 1) {
            data.getBytes(0, codeBytes, 0, rows);
            for (int i = 0; i < rows; i++) {
                codes[i] = codeBytes[i] & 0xFF;
            }
        } else {
            data.nioBuffer(0, rows * 2).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(codeShorts, 0, rows);
            for (int i = 0; i < rows; i++) {
                codes[i] = codeShorts[i] & 0xFFFF;
            }
        }
    }

    /** ALT from a bit mask over ENUM codes: bits in ascending order are alleles in byte order. */
    private void putAlleles(long mask) throws IOException {
        boolean first = true;
        for (long bits = mask; bits != 0; bits &= bits - 1) {
            byte[] allele = alleleBytes[Long.numberOfTrailingZeros(bits)];
            ensureRoom(allele.length + 1);
            if (!first) {
                buffer[length++] = ',';
            }
            put(allele);
            first = false;
        }
    }

    private void putVarChar(VarCharVector vector, int row) throws IOException {
        int start = vector.getStartOffset(row);
        int bytes = vector.getValueLength(row);
        ensureRoom(bytes);
        vector.getDataBuffer().getBytes(start, buffer, length, bytes);
        length += bytes;
    }

    private void put(byte[] bytes) {
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    private void putDecimal(long value) {
        if (value == 0) {
            buffer[length++] = '0';
            return;
        }
        int digits = 0;
        for (long v = value; v > 0; v /= 10) {
            digits++;
        }
        int end = length + digits;
        for (int i = end - 1; i >= length; i--) {
            buffer[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length = end;
    }

    private void ensureRoom(int bytes) throws IOException {
        if (length + bytes <= buffer.length) {
            return;
        }
        flush();
        if (bytes > buffer.length) {
            buffer = new byte[Math.max(bytes, buffer.length * 2)];
        }
    }
}
