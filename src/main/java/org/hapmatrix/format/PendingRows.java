package org.hapmatrix.format;

import java.util.Arrays;

/**
 * Rows copied out of a result batch (which the next batch overwrites), held by {@link GapJoiner}
 * until it knows whether they join a deletion: a site that may anchor the next one, and a run of
 * gap sites. Reused: {@link #clear()} keeps the arrays.
 */
final class PendingRows extends SiteRows {
    private final int pairCount;
    private int rows;
    private byte[][] contigs = new byte[4][];
    private String[] contigNames = new String[4];
    private long[] positions = new long[4];
    private int[] refCodes = new int[4];
    private int[][] altCodes = new int[4][];
    private int[] altCounts = new int[4];
    private int[][] pairCodes = new int[4][];
    private long[][] phaseSets = new long[4][];
    private boolean[] hasPhaseSets = new boolean[4];
    private final int[] alts;

    PendingRows(int pairCount, int alleles) {
        this.pairCount = pairCount;
        this.alts = new int[alleles];
    }

    /** Copies {@code row} of {@code sites} to the end. */
    void add(SiteRows sites, int row) {
        if (rows == positions.length) {
            int grown = 2 * rows;
            contigs = Arrays.copyOf(contigs, grown);
            contigNames = Arrays.copyOf(contigNames, grown);
            positions = Arrays.copyOf(positions, grown);
            refCodes = Arrays.copyOf(refCodes, grown);
            altCodes = Arrays.copyOf(altCodes, grown);
            altCounts = Arrays.copyOf(altCounts, grown);
            pairCodes = Arrays.copyOf(pairCodes, grown);
            phaseSets = Arrays.copyOf(phaseSets, grown);
            hasPhaseSets = Arrays.copyOf(hasPhaseSets, grown);
        }
        int at = rows++;
        contigs[at] = sites.contig(row);
        contigNames[at] = sites.contigName(row);
        positions[at] = sites.position(row);
        refCodes[at] = sites.refCode(row);
        int count = sites.altCodes(row, alts);
        if (altCodes[at] == null || altCodes[at].length < count) {
            altCodes[at] = new int[alts.length];
        }
        System.arraycopy(alts, 0, altCodes[at], 0, count);
        altCounts[at] = count;
        if (pairCodes[at] == null) {
            pairCodes[at] = new int[2 * pairCount];
            phaseSets[at] = new long[pairCount];
        }
        int[] codes = pairCodes[at];
        for (int pair = 0; pair < pairCount; pair++) {
            codes[2 * pair] = sites.pairCode(pair, 0, row);
            codes[2 * pair + 1] = sites.pairCode(pair, 1, row);
        }
        hasPhaseSets[at] = sites.hasPhaseSets(row);
        if (hasPhaseSets[at]) {
            for (int pair = 0; pair < pairCount; pair++) {
                phaseSets[at][pair] = sites.phaseSet(pair, row);
            }
        }
    }

    void clear() {
        rows = 0;
    }

    @Override
    public byte[] contig(int row) {
        return contigs[row];
    }

    @Override
    public String contigName(int row) {
        return contigNames[row];
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
        return pairCodes[row][2 * pair + sample];
    }

    @Override
    public int altCodes(int row, int[] into) {
        System.arraycopy(altCodes[row], 0, into, 0, altCounts[row]);
        return altCounts[row];
    }

    @Override
    public boolean hasPhaseSets(int row) {
        return hasPhaseSets[row];
    }

    @Override
    public long phaseSet(int pair, int row) {
        return hasPhaseSets[row] ? phaseSets[row][pair] : -1;
    }
}
