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
 * Alleles arrive as ENUM codes and are written from pre-encoded bytes; a pair allele that is
 * {@code N} or {@code -} is written as the site's REF.
 */
final class HaplotypeLineFormatter {
    private static final byte TAB = '\t';
    private static final List<String> REPLACED_BY_REF = List.of("N", "-");
    private static final byte[] DIGIT_PAIRS = new byte[200];

    static {
        for (int i = 0; i < 100; i++) {
            DIGIT_PAIRS[2 * i] = (byte) ('0' + i / 10);
            DIGIT_PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    private final byte[] contig;
    private final byte[][] alleleBytes;
    /** Per ENUM code: whether a pair allele with that code is written as REF. */
    private final boolean[] replacedByRef;
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
        this.replacedByRef = new boolean[alleles.size()];
        for (int code = 0; code < alleles.size(); code++) {
            replacedByRef[code] = REPLACED_BY_REF.contains(alleles.get(code));
        }
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
            int refCode = refCodes[row];
            byte[] ref = alleleBytes[refCode];
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
                byte[] first = alleleBytes[pairAllele(pairCodes[2 * pair][row], refCode)];
                byte[] second = alleleBytes[pairAllele(pairCodes[2 * pair + 1][row], refCode)];
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

    private int pairAllele(int code, int refCode) {
        return replacedByRef[code] ? refCode : code;
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

    /** Writes a non-negative position, two digits per division (the old digit-by-digit loop was the profile's top method). */
    private void putDecimal(long value) {
        int end = length + decimalDigits(value);
        int at = end;
        while (value >= Integer.MAX_VALUE) {
            int lastTwo = (int) (value % 100);
            value /= 100;
            buffer[--at] = DIGIT_PAIRS[2 * lastTwo + 1];
            buffer[--at] = DIGIT_PAIRS[2 * lastTwo];
        }
        int rest = (int) value;
        while (rest >= 10) {
            int lastTwo = rest % 100;
            rest /= 100;
            buffer[--at] = DIGIT_PAIRS[2 * lastTwo + 1];
            buffer[--at] = DIGIT_PAIRS[2 * lastTwo];
        }
        if (at > length) {
            buffer[--at] = (byte) ('0' + rest);
        }
        length = end;
    }

    private static int decimalDigits(long value) {
        int digits = 1;
        for (long bound = 10; digits < 19 && value >= bound; bound *= 10) {
            digits++;
        }
        return digits;
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
