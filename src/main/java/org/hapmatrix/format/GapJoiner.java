package org.hapmatrix.format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --gaps deletion}: joins each run of gap sites with the site before it into one record,
 * as {@code bcftools norm} writes a deletion. The formatter gets every row of its unit (also
 * those with no ALT, which may anchor a run) in input order and hands each here.
 *
 * <p>A <em>gap site</em> is a written site (its ALT is not empty) with a one-base REF where some
 * pair's haplotype is {@code -}. A run is gap sites on consecutive rows of one contig at
 * consecutive positions. Its anchor is the row before the run when that row is of the same
 * contig, at the position before, with a one-base REF and no haplotype {@code -} (written or
 * not). The record is at the anchor's position; REF is the REFs of the anchor and the run; each
 * haplotype's allele is its own alleles at those positions joined, {@code -} left out (the
 * haplotypes are phased, so each is one sequence); a haplotype with {@code N} at one of them is
 * {@code .} (or, with {@code --missing ref}, that position's REF). ALT is the distinct alleles
 * other than REF, in byte order. A run without an anchor is written site by site as with
 * {@code --gaps star}, and counted.
 *
 * <p>The export cuts no run and no anchor apart between work units (see the exporter), so each
 * unit's formatter sees whole runs.
 */
final class GapJoiner {
    private enum State { EMPTY, HELD_WRITTEN, HELD_UNWRITTEN, RUN_ANCHORED, RUN_UNANCHORED }

    private final VcfSiteFormatter formatter;
    private final int pairCount;
    private final PendingRows pending;
    private final int[] alts;
    private State state = State.EMPTY;
    private long deletions;
    private long joinedSites;
    private long unanchoredSites;

    GapJoiner(VcfSiteFormatter formatter) {
        this.formatter = formatter;
        this.pairCount = formatter.pairCount;
        this.pending = new PendingRows(pairCount, formatter.alleleBytes.length);
        this.alts = new int[formatter.alleleBytes.length];
    }

    GapCounts counts() {
        return new GapCounts(deletions, joinedSites, unanchoredSites);
    }

    void add(SiteRows sites, int row) throws IOException {
        boolean written = sites.altCodes(row, alts) > 0;
        boolean gap = written && oneBase(sites.refCode(row)) && hasGap(sites, row);
        switch (state) {
            case RUN_ANCHORED, RUN_UNANCHORED -> {
                if (gap && follows(sites, row)) {
                    pending.add(sites, row);
                    return;
                }
                endRun();
            }
            case HELD_WRITTEN, HELD_UNWRITTEN -> {
                if (gap && follows(sites, row) && oneBase(pending.refCode(0)) && !hasGap(pending, 0)) {
                    pending.add(sites, row);
                    state = State.RUN_ANCHORED;
                    return;
                }
                if (state == State.HELD_WRITTEN) {
                    formatter.writeSite(pending, 0);
                }
                pending.clear();
                state = State.EMPTY;
            }
            case EMPTY -> {
            }
        }
        if (gap) {
            pending.add(sites, row);
            state = State.RUN_UNANCHORED;
        } else {
            pending.add(sites, row); // may anchor the next row
            state = written ? State.HELD_WRITTEN : State.HELD_UNWRITTEN;
        }
    }

    /** At the unit's end: writes what is held. */
    void end() throws IOException {
        switch (state) {
            case RUN_ANCHORED, RUN_UNANCHORED -> endRun();
            case HELD_WRITTEN -> formatter.writeSite(pending, 0);
            default -> {
            }
        }
        pending.clear();
        state = State.EMPTY;
    }

    private void endRun() throws IOException {
        if (state == State.RUN_ANCHORED) {
            if (writeJoined()) {
                deletions++;
                joinedSites += pending.rows() - 1;
            }
        } else {
            for (int row = 0; row < pending.rows(); row++) {
                if (formatter.writeSite(pending, row)) {
                    unanchoredSites++;
                }
            }
        }
        pending.clear();
        state = State.EMPTY;
    }

    /** Whether the row is on the contig of the last pending row, at the next position. */
    private boolean follows(SiteRows sites, int row) {
        int last = pending.rows() - 1;
        return sites.position(row) == pending.position(last) + 1 && sites.contigName(row).equals(pending.contigName(last));
    }

    private boolean oneBase(int refCode) {
        return formatter.vcfAlleles[refCode].length == 1 && formatter.isBasesCode(refCode);
    }

    private boolean hasGap(SiteRows sites, int row) {
        int gap = formatter.gapCode;
        for (int pair = 0; pair < pairCount; pair++) {
            if (sites.pairCode(pair, 0, row) == gap || sites.pairCode(pair, 1, row) == gap) {
                return true;
            }
        }
        return false;
    }

    /** The anchor (row 0) and the run (rows 1..) as one record; false if it overlaps none of the regions. */
    private boolean writeJoined() throws IOException {
        VcfSiteFormatter f = formatter;
        int rows = pending.rows();
        f.startSite(pending, 0);
        long position = pending.position(0);
        if (position < 1) {
            // The anchor may have no ALT of its own, so no check has seen its position yet.
            throw f.siteError(position, "VCF positions run from 1 to " + VcfSiteFormatter.MAX_POSITION);
        }
        StringBuilder ref = new StringBuilder(rows);
        for (int row = 0; row < rows; row++) {
            ref.append((char) f.vcfAlleles[pending.refCode(row)][0]);
        }
        if (!f.inRegions(position, rows)) {
            return false;
        }
        String[] haplotypes = new String[2 * pairCount];
        StringBuilder allele = new StringBuilder();
        for (int h = 0; h < 2 * pairCount; h++) {
            allele.setLength(0);
            boolean missingAllele = false;
            for (int row = 0; row < rows && !missingAllele; row++) {
                int code = pending.pairCode(h / 2, h % 2, row);
                if (code == f.gapCode) {
                    continue;
                }
                if (code == f.missingCode) {
                    if (f.missing == MissingAlleles.dot) {
                        missingAllele = true;
                    } else {
                        allele.append(ref.charAt(row));
                    }
                    continue;
                }
                if (!f.isBasesCode(code)) {
                    throw f.siteError(pending.position(row), "allele '" + new String(f.alleleBytes[code], StandardCharsets.UTF_8)
                            + "' cannot be written to VCF (alleles must be strings of A, C, G, T, N, or -)");
                }
                allele.append(new String(f.vcfAlleles[code], StandardCharsets.US_ASCII));
            }
            haplotypes[h] = missingAllele ? null : allele.toString();
        }
        String refText = ref.toString();
        List<String> altList = new ArrayList<>();
        for (String haplotype : haplotypes) {
            if (haplotype != null && !haplotype.equals(refText) && !altList.contains(haplotype)) {
                altList.add(haplotype);
            }
        }
        String[] altAlleles = altList.toArray(String[]::new);
        Arrays.sort(altAlleles);
        Map<String, Integer> index = new HashMap<>();
        index.put(refText, 0);
        f.ensureAlleleRoom(altAlleles.length);
        for (int i = 0; i < altAlleles.length; i++) {
            index.put(altAlleles[i], i + 1);
            f.recordAlts[i] = altAlleles[i].getBytes(StandardCharsets.US_ASCII);
        }
        Arrays.fill(f.alleleCounts, 0, altAlleles.length + 1, 0);
        int called = 0;
        for (int h = 0; h < 2 * pairCount; h++) {
            int gt = haplotypes[h] == null ? -1 : index.get(haplotypes[h]);
            f.genotypes[h] = gt;
            if (gt >= 0) {
                called++;
                f.alleleCounts[gt]++;
            }
        }
        f.recordRef = refText.getBytes(StandardCharsets.US_ASCII);
        f.recordAltCount = altAlleles.length;
        f.called = called;
        boolean phaseSets = false;
        for (int row = 0; row < rows; row++) {
            phaseSets |= pending.hasPhaseSets(row);
        }
        if (phaseSets) {
            for (int pair = 0; pair < pairCount; pair++) {
                long value = -1;
                for (int row = 0; row < rows && value < 0; row++) {
                    value = pending.phaseSet(pair, row);
                }
                f.recordPhaseSets[pair] = value;
            }
        }
        f.putRecord(position, phaseSets);
        return true;
    }
}
