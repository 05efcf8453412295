package org.hapmatrix.format;

/**
 * The written sites of one batch as every output format reads them: per site its contig, the
 * position, REF's allele code, the ALT alleles' codes and each pair's two allele codes (codes
 * index the alphabet of {@link SiteFormatter.Context#alleles()}). The export fills one from each
 * query result batch; a formatter never sees where the rows came from.
 */
public abstract class SiteRows {
    /** The contig of a row, as UTF-8. */
    public abstract byte[] contig(int row);

    public abstract String contigName(int row);

    public abstract int rows();

    public abstract long position(int row);

    public abstract int refCode(int row);

    /** Allele code of the first (0) or second (1) sample of a pair. */
    public abstract int pairCode(int pair, int sample, int row);

    /**
     * The pairs' codes as one-byte columns, pair p's samples at 2p and 2p + 1, each indexed by row
     * (a code is its byte, unsigned); null when the rows do not hold them so. The formatters' hot
     * loop reads them directly: {@link #pairCode} is a virtual call per genotype.
     */
    public byte[][] pairCodeColumns() {
        return null;
    }

    /**
     * Writes the row's ALT alleles' codes into {@code into} in ascending order (code order is
     * byte order, so this is the table's ALT order) and returns how many there are.
     */
    public abstract int altCodes(int row, int[] into);

    /** Whether some pair of the row has a phase set (a VCF/BCF input's phase-set tag); a matrix never has. */
    public boolean hasPhaseSets(int row) {
        return false;
    }

    /** The phase set of a pair at the row, or -1 when it has none (its PI is then the contig). */
    public long phaseSet(int pair, int row) {
        return -1;
    }
}
