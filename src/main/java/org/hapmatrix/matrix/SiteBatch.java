package org.hapmatrix.matrix;

/**
 * A block of parsed sites in columnar form: contig code, position, and the allele codes of
 * REF (column 0) and each sample (columns 1..n). Codes index the parser's dictionaries.
 *
 * <p>Allele codes are kept one-based (code + 1, as the database's lookup takes them), in one
 * byte per cell while every code of the batch fits one, which is almost always; the first code
 * that does not fit widens the batch to 16 bits per cell. So the usual batch is handed on
 * without a conversion pass.
 */
public final class SiteBatch {
    /** The largest one-based code a byte holds (unsigned). */
    private static final int MAX_BYTE_CODE = 255;
    /** Codes (zero-based) below this fit the one-byte columns. */
    public static final int ONE_BYTE_CODES = MAX_BYTE_CODE;
    private final int capacity;
    // Not final: swapContents hands a filled batch's arrays over without copying them.
    private int[] contigCodes;
    private long[] positions;
    private byte[][] byteCodes;
    /** Null until a code needs more than a byte; then every code of the batch is here. */
    private short[][] shortCodes;
    /** Codes below this go to the bytes: {@link #MAX_BYTE_CODE}, or 0 once the batch is widened. */
    private int byteCodeLimit = MAX_BYTE_CODE;
    private int size;

    public SiteBatch(int capacity, int sampleCount) {
        this.capacity = capacity;
        this.contigCodes = new int[capacity];
        this.positions = new long[capacity];
        this.byteCodes = new byte[sampleCount + 1][capacity];
    }

    public int capacity() {
        return capacity;
    }

    public int size() {
        return size;
    }

    public void clear() {
        size = 0;
        shortCodes = null;
        byteCodeLimit = MAX_BYTE_CODE;
    }

    /**
     * Exchanges this batch's rows with {@code other}'s (arrays, widths and sizes), which must have
     * the same capacity and columns: a batch parsed ahead on another thread is handed over this way.
     */
    public void swapContents(SiteBatch other) {
        if (other.capacity != capacity || other.byteCodes.length != byteCodes.length) {
            throw new IllegalArgumentException("batches of different shapes");
        }
        int[] contigs = contigCodes;
        contigCodes = other.contigCodes;
        other.contigCodes = contigs;
        long[] sitePositions = positions;
        positions = other.positions;
        other.positions = sitePositions;
        byte[][] bytes = byteCodes;
        byteCodes = other.byteCodes;
        other.byteCodes = bytes;
        short[][] shorts = shortCodes;
        shortCodes = other.shortCodes;
        other.shortCodes = shorts;
        int limit = byteCodeLimit;
        byteCodeLimit = other.byteCodeLimit;
        other.byteCodeLimit = limit;
        int rows = size;
        size = other.size;
        other.size = rows;
    }

    /** Claims the next row slot and returns its index. */
    public int addRow(int contigCode, long position) {
        contigCodes[size] = contigCode;
        positions[size] = position;
        return size++;
    }

    /**
     * The batch's one-byte columns, for a parser that stores a whole row of small codes itself
     * (code plus one, each code below {@link #ONE_BYTE_CODES}); null once the batch is widened,
     * when every code goes through {@link #setAllele}.
     */
    public byte[][] oneByteColumns() {
        return shortCodes == null ? byteCodes : null;
    }

    /** Sets a cell to the dictionary code {@code code} (zero-based). Small enough for C1 to inline into the parser. */
    public void setAllele(int column, int row, int code) {
        if (code < byteCodeLimit) {
            byteCodes[column][row] = (byte) (code + 1);
        } else {
            setWideAllele(column, row, code);
        }
    }

    private void setWideAllele(int column, int row, int code) {
        if (shortCodes == null) {
            widen(row);
        }
        shortCodes[column][row] = (short) (code + 1);
    }

    /** Copies the cells set so far (rows before {@code row}, and this row's earlier columns) into 16-bit codes. */
    private void widen(int row) {
        byteCodeLimit = 0;
        shortCodes = new short[byteCodes.length][capacity];
        for (int column = 0; column < byteCodes.length; column++) {
            for (int r = 0; r <= row; r++) {
                shortCodes[column][r] = (short) (byteCodes[column][r] & 0xFF);
            }
        }
    }

    /** Keeps only the rows whose {@code keep} is true, in order (a selection by region after parsing). */
    public void retain(boolean[] keep) {
        int kept = 0;
        for (int row = 0; row < size; row++) {
            if (!keep[row]) {
                continue;
            }
            if (kept != row) {
                contigCodes[kept] = contigCodes[row];
                positions[kept] = positions[row];
                for (int column = 0; column < byteCodes.length; column++) {
                    if (shortCodes != null) {
                        shortCodes[column][kept] = shortCodes[column][row];
                    } else {
                        byteCodes[column][kept] = byteCodes[column][row];
                    }
                }
            }
            kept++;
        }
        size = kept;
    }

    public int contigCode(int row) {
        return contigCodes[row];
    }

    public long position(int row) {
        return positions[row];
    }

    /** The positions of the batch's rows (the first {@link #size()} are set). */
    public long[] positions() {
        return positions;
    }

    /** Whether every code of the batch fits a byte ({@link #byteColumn}); else see {@link #shortColumn}. */
    public boolean fitsBytes() {
        return shortCodes == null;
    }

    /** One-based allele codes of column 0 (REF) or sample column i (1-based), unsigned bytes; only if {@link #fitsBytes()}. */
    public byte[] byteColumn(int column) {
        if (shortCodes != null) {
            throw new IllegalStateException("the batch holds codes over a byte");
        }
        return byteCodes[column];
    }

    /** One-based allele codes of a column as unsigned 16-bit values, whatever their width in the batch. */
    public short[] shortColumn(int column) {
        if (shortCodes != null) {
            return shortCodes[column];
        }
        short[] codes = new short[size];
        byte[] bytes = byteCodes[column];
        for (int row = 0; row < size; row++) {
            codes[row] = (short) (bytes[row] & 0xFF);
        }
        return codes;
    }

    public int alleleColumnCount() {
        return byteCodes.length;
    }
}
