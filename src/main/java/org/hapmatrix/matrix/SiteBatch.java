package org.hapmatrix.matrix;

/**
 * A block of parsed sites in columnar form: contig code, position, and the allele codes of
 * REF (column 0) and each sample (columns 1..n). Codes index the parser's dictionaries.
 */
public final class SiteBatch {
    private final int capacity;
    private final int[] contigCodes;
    private final long[] positions;
    private final short[][] alleleCodes;
    private int size;

    public SiteBatch(int capacity, int sampleCount) {
        this.capacity = capacity;
        this.contigCodes = new int[capacity];
        this.positions = new long[capacity];
        this.alleleCodes = new short[sampleCount + 1][capacity];
    }

    public int capacity() {
        return capacity;
    }

    public int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    /** Claims the next row slot and returns its index. */
    int addRow(int contigCode, long position) {
        contigCodes[size] = contigCode;
        positions[size] = position;
        return size++;
    }

    void setAllele(int column, int row, int code) {
        alleleCodes[column][row] = (short) code;
    }

    public int contigCode(int row) {
        return contigCodes[row];
    }

    public long position(int row) {
        return positions[row];
    }

    /** Allele codes of column 0 (REF) or sample column i (1-based), unsigned 16-bit in a short. */
    public short[] alleleColumn(int column) {
        return alleleCodes[column];
    }

    public int alleleColumnCount() {
        return alleleCodes.length;
    }
}
