package org.hapmatrix.format;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.io.Compression;
import org.hapmatrix.io.ContigLineStream;
import org.hapmatrix.io.LineEnds;
import org.hapmatrix.io.MatrixInput;
import org.hapmatrix.matrix.MatrixHeader;
import org.hapmatrix.matrix.SamplePair;
import org.hapmatrix.matrix.SamplePairs;
import org.hapmatrix.matrix.SiteBatch;
import org.hapmatrix.matrix.Utf8;
import org.hapmatrix.matrix.ValueDictionary;

/**
 * Reads a tab-separated genome matrix byte by byte into {@link SiteBatch}es of integer codes,
 * checking every line; any defect stops it with "FILE:LINE: what is wrong".
 */
public final class MatrixParser extends FileSiteReader {
    /** Eight bytes of a line at once, and in them the odd bytes and four tabs there (four one-byte alleles). */
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ODD_BYTES = 0xFF00FF00FF00FF00L;
    private static final long FOUR_TABS = 0x0900090009000900L;

    /** Most distinct allele strings: codes travel as unsigned 16-bit values. */
    public static final int MAX_ALLELES = 65_535;
    /** A line longer than this is a broken file, not a site (the line readers of io/ share the limit). */
    public static final int MAX_LINE_BYTES = ContigLineStream.MAX_LINE_BYTES;

    private final InputStream in;
    private final MatrixHeader header;

    private byte[] buffer = new byte[1 << 20];
    private int bufferStart;
    private int bufferEnd;
    private int scanFrom;
    private boolean endOfInput;
    private int lineStart;
    private int lineEnd;
    private long lineNumber;
    private long firstPendingBlankLine;

    private byte[] lastContig = new byte[0];
    private int lastContigCode = -1;

    /**
     * Opens the matrix for parsing. With {@code header == null} its first line is the header;
     * otherwise every line is a site and must have as many columns as the header.
     */
    public MatrixParser(MatrixInput input, MatrixHeader header) {
        super(input);
        this.in = input.stream();
        if (!nextLine()) {
            throw HapmatrixException.at(input.name(), 1, "empty file" + (header == null ? ", no header line" : ""));
        }
        skipByteOrderMark();
        this.headerGiven = header != null;
        if (header == null) {
            this.header = MatrixHeader.parse(decodeName(lineStart, lineEnd, "header"), input.name(), lineNumber);
            this.pendingLine = false;
        } else {
            this.header = header;
            this.pendingLine = true;
        }
    }

    private boolean pendingLine;
    private final boolean headerGiven;

    /** The matrix's pairs by its naming rule: samples whose names differ only in a final a/b. */
    @Override
    public List<SamplePair> defaultPairs() {
        return SamplePairs.byNamingRule(header().samples());
    }

    @Override
    public MatrixHeader header() {
        return header;
    }

    /** Refills {@code batch} with the next sites; false when the matrix has no more. */
    @Override
    public boolean fill(SiteBatch batch) {
        batch.clear();
        while (batch.size() < batch.capacity()) {
            if (pendingLine) {
                pendingLine = false;
            } else if (!nextLine()) {
                break;
            }
            if (lineStart == lineEnd) {
                if (firstPendingBlankLine == 0) {
                    firstPendingBlankLine = lineNumber;
                }
                continue;
            }
            if (firstPendingBlankLine != 0) {
                throw error(firstPendingBlankLine, "empty line");
            }
            parseSite(batch);
        }
        return batch.size() > 0;
    }

    private void parseSite(SiteBatch batch) {
        final byte[] line = buffer;
        final int end = lineEnd;
        int fieldEnd = indexOfTab(line, lineStart, end);
        int contigCode = contigCode(lineStart, fieldEnd);
        if (fieldEnd == end) {
            throw columnCountError(1);
        }
        int fieldStart = fieldEnd + 1;
        fieldEnd = indexOfTab(line, fieldStart, end);
        long position = parsePosition(fieldStart, fieldEnd);
        int row = batch.addRow(contigCode, position);
        int alleleColumns = header.columnCount() - 2;
        if (fieldEnd != end && storeOneByteAlleles(batch, row, fieldEnd + 1, alleleColumns)) {
            sitesRead++;
            return;
        }
        for (int column = 0; column < alleleColumns; column++) {
            if (fieldEnd == end) {
                throw columnCountError(column + 2);
            }
            fieldStart = fieldEnd + 1;
            // Most alleles are one known byte followed by a tab or the line's end: no scan, no lookup.
            int oneByteEnd = fieldStart + 1;
            if ((oneByteEnd < end && line[oneByteEnd] == '\t') || oneByteEnd == end) {
                int code = alleles.knownSingleByteCode(line[fieldStart]);
                if (code >= 0) {
                    batch.setAllele(column, row, code);
                    fieldEnd = oneByteEnd;
                    continue;
                }
            }
            fieldEnd = indexOfTab(line, fieldStart, end);
            if (fieldStart == fieldEnd) {
                throw error(lineNumber, "empty value in column '" + header.columnNames().get(column + 2) + "'");
            }
            try {
                batch.setAllele(column, row, alleles.codeOf(line, fieldStart, fieldEnd));
            } catch (ValueDictionary.RejectedValue e) {
                throw error(lineNumber, e.getMessage() + " (column '" + header.columnNames().get(column + 2) + "')");
            }
        }
        if (fieldEnd != end) {
            throw columnCountError(countFields());
        }
        sitesRead++;
    }

    /**
     * The common row, every allele one known byte between tabs, stored in one tight loop: no field
     * scan and none of the general loop's per-field checks (that loop was the parser's largest
     * cost). False, with some codes stored, when the row is not so: the general loop then parses
     * it again from its first allele.
     */
    private boolean storeOneByteAlleles(SiteBatch batch, int row, int from, int alleleColumns) {
        byte[][] columns = batch.oneByteColumns();
        if (columns == null || lineEnd - from != 2 * alleleColumns - 1) {
            return false;
        }
        final byte[] line = buffer;
        int last = alleleColumns - 1;
        int column = 0;
        int at = from;
        // Four alleles at a time while a tab follows each: one word "a\tb\tc\td\t", tabs at its odd bytes.
        for (; column + 3 < last; column += 4, at += 8) {
            long word = (long) WORDS.get(line, at);
            if ((word & ODD_BYTES) != FOUR_TABS) {
                return false;
            }
            int a = alleles.knownSingleByteCode((byte) word);
            int b = alleles.knownSingleByteCode((byte) (word >>> 16));
            int c = alleles.knownSingleByteCode((byte) (word >>> 32));
            int d = alleles.knownSingleByteCode((byte) (word >>> 48));
            // Unknown (-1) or too wide for a byte: a code plus one above 255 sets a bit above the byte.
            if ((a | b | c | d) < 0 || ((a + 1) | (b + 1) | (c + 1) | (d + 1)) > SiteBatch.ONE_BYTE_CODES) {
                return false;
            }
            columns[column][row] = (byte) (a + 1);
            columns[column + 1][row] = (byte) (b + 1);
            columns[column + 2][row] = (byte) (c + 1);
            columns[column + 3][row] = (byte) (d + 1);
        }
        for (; column <= last; column++, at += 2) {
            int code = alleles.knownSingleByteCode(line[at]);
            if (code < 0 || code >= SiteBatch.ONE_BYTE_CODES || (column < last && line[at + 1] != '\t')) {
                return false;
            }
            columns[column][row] = (byte) (code + 1);
        }
        return true;
    }

    private int contigCode(int from, int to) {
        if (from == to) {
            throw error(lineNumber, "empty contig name");
        }
        // Sites of one contig come in long runs: compare with the previous line's contig before hashing.
        if (java.util.Arrays.equals(buffer, from, to, lastContig, 0, lastContig.length)) {
            return lastContigCode;
        }
        try {
            lastContigCode = contigs.codeOf(buffer, from, to);
        } catch (ValueDictionary.RejectedValue e) {
            throw error(lineNumber, e.getMessage());
        }
        lastContig = java.util.Arrays.copyOfRange(buffer, from, to);
        return lastContigCode;
    }

    private long parsePosition(int from, int to) {
        long value = 0;
        // Leading zeros are fine (007 is 7, as the table writes it); only 19 significant digits fit.
        int significant = from;
        while (significant < to - 1 && buffer[significant] == '0') {
            significant++;
        }
        boolean valid = from < to && to - significant <= 19;
        for (int i = significant; valid && i < to; i++) {
            int digit = buffer[i] - '0';
            valid = digit >= 0 && digit <= 9;
            value = value * 10 + digit;
        }
        if (!valid || value < 0) {
            String text = new String(buffer, from, Math.min(to - from, 40), StandardCharsets.UTF_8);
            boolean digitsOnly = from < to && text.chars().allMatch(c -> c >= '0' && c <= '9');
            // With a header from elsewhere, a header line in the matrix fails here first: say so.
            String hint = lineNumber == 1 && headerGiven ? " (a header line? with --header the matrix has none)" : "";
            throw error(lineNumber, "position '" + text + "' is "
                    + (digitsOnly ? "too large (at most " + Long.MAX_VALUE + ")" : "not a non-negative integer") + hint);
        }
        return value;
    }

    private int countFields() {
        int fields = 1;
        for (int i = lineStart; i < lineEnd; i++) {
            if (buffer[i] == '\t') {
                fields++;
            }
        }
        return fields;
    }

    private HapmatrixException columnCountError(int found) {
        return error(lineNumber, "expected " + header.columnCount() + " columns as in the header, found " + found);
    }

    private HapmatrixException error(long line, String what) {
        return HapmatrixException.at(input.name(), line, what);
    }

    private static int indexOfTab(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\t') {
                return i;
            }
        }
        return to;
    }

    private void skipByteOrderMark() {
        lineStart += Utf8.byteOrderMarkLength(buffer, lineStart, lineEnd);
    }

    private String decodeName(int from, int to, String what) {
        return Utf8.decode(buffer, from, to).orElseThrow(() -> error(lineNumber, what + " is not valid UTF-8"));
    }

    /** Advances to the next line, without its line end (LF or CRLF); false at the end of input. */
    private boolean nextLine() {
        while (true) {
            int newline = LineEnds.indexOfNewline(buffer, scanFrom, bufferEnd);
            if (newline < bufferEnd) {
                setLine(bufferStart, newline);
                bufferStart = newline + 1;
                scanFrom = bufferStart;
                return true;
            }
            scanFrom = bufferEnd;
            if (endOfInput) {
                if (bufferStart < bufferEnd) {
                    setLine(bufferStart, bufferEnd);
                    bufferStart = bufferEnd;
                    return true;
                }
                return false;
            }
            readMore();
        }
    }

    private void setLine(int start, int end) {
        lineNumber++;
        lineStart = start;
        lineEnd = end > start && buffer[end - 1] == '\r' ? end - 1 : end;
    }

    private void readMore() {
        int pending = bufferEnd - bufferStart;
        if (bufferStart > 0) {
            System.arraycopy(buffer, bufferStart, buffer, 0, pending);
            scanFrom -= bufferStart;
            bufferStart = 0;
            bufferEnd = pending;
        }
        if (bufferEnd == buffer.length) {
            if (buffer.length >= MAX_LINE_BYTES) {
                throw error(lineNumber + 1, "line longer than " + (MAX_LINE_BYTES >> 20) + " MiB; is this a genome matrix?");
            }
            buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
        }
        try {
            int n = in.read(buffer, bufferEnd, buffer.length - bufferEnd);
            if (n < 0) {
                endOfInput = true;
            } else {
                bufferEnd += n;
            }
        } catch (IOException e) {
            throw error(lineNumber + 1, Compression.readFailureMessage(e));
        }
    }
}
