package org.hapmatrix.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.Version;
import org.hapmatrix.matrix.SamplePair;

/**
 * VCF 4.2 ({@code --format vcf}): one VCF sample per pair (the pair's two samples are the two
 * haplotypes of one individual), the table's sites and ALT alleles with {@code -} written as
 * {@code *}, ID/QUAL/FILTER {@code .}, INFO {@code AC} and {@code AN} counted over the written
 * genotypes (as {@code bcftools +fill-tags} counts them), and a phased {@code GT}.
 * Bases are case-insensitive in VCF: lowercase a, c, g, t, n are accepted and written upper-case.
 * A site VCF cannot hold (REF {@code -}, an allele other than a string of A, C, G, T, N, two of
 * its alleles differing only in case, a position outside 1..2^31-1) stops the export with an error
 * naming the contig and position.
 */
class VcfSiteFormatter extends SiteFormatter {
    /** VCF's POS is a 32-bit Integer (bcftools and htsjdk read it as one). */
    static final long MAX_POSITION = Integer.MAX_VALUE;
    private static final byte[] GAP_ALLELE = {'*'};
    private static final byte[] INFO_AC = "\t.\t.\tAC=".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INFO_NO_AC = "\t.\t.\t".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INFO_AN = "AN=".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FORMAT_GT = "\tGT".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FORMAT_GT_PS = "\tGT:PS".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NO_ID = "\t.\t".getBytes(StandardCharsets.US_ASCII);

    private final String source;
    /** Per ENUM code: the allele as VCF writes it ({@code -} as {@code *}, bases upper-case). */
    final byte[][] vcfAlleles;
    private final boolean[] validRef;
    private final boolean[] validAlt;
    final int missingCode;
    final int gapCode;
    final GapAlleles gaps;
    /** Joins runs of gap sites ({@code --gaps deletion}), else null. */
    private final GapJoiner joiner;
    /** See {@link Context#recordRegions()}. */
    private final java.util.Map<String, long[]> recordRegions;
    /** True when some allele has a lowercase base, so two codes may be written alike. */
    private final boolean anyLowercase;
    final BgzfPart index;
    final int[] alts;
    /** Per ENUM code: its GT index at the current site (-1 for '.'). */
    private final int[] gtIndex;
    /** Per pair, its two GT indices at the current site (-1 for '.'). */
    final int[] genotypes;
    /** Per GT index, its count among the written genotypes at the current site. */
    int[] alleleCounts;
    /** The record being written: REF, ALT alleles as VCF writes them, AN, and per pair its phase set. */
    byte[] recordRef;
    byte[][] recordAlts;
    int recordAltCount;
    int called;
    final long[] recordPhaseSets;

    /** @param index the BGZF part whose records are indexed (.vcf.gz), or null */
    VcfSiteFormatter(Context context, OutputStream out, BgzfPart index) {
        super(context, out);
        this.source = context.source();
        List<String> alleles = context.alleles();
        int size = alleles.size();
        this.vcfAlleles = new byte[size][];
        this.validRef = new boolean[size];
        this.validAlt = new boolean[size];
        for (int code = 0; code < size; code++) {
            String allele = alleles.get(code);
            boolean bases = isBases(allele);
            validRef[code] = bases;
            validAlt[code] = bases || Alleles.GAP.equals(allele);
            vcfAlleles[code] = Alleles.GAP.equals(allele) ? GAP_ALLELE
                    : bases ? allele.toUpperCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII)
                    : alleleBytes[code];
        }
        this.anyLowercase = alleles.stream().anyMatch(a -> isBases(a) && !a.equals(a.toUpperCase(java.util.Locale.ROOT)));
        this.missingCode = alleles.indexOf(Alleles.MISSING);
        this.gapCode = alleles.indexOf(Alleles.GAP);
        this.index = index;
        this.alts = new int[size];
        this.gtIndex = new int[size];
        this.genotypes = new int[2 * pairCount];
        this.alleleCounts = new int[size + 1];
        this.recordAlts = new byte[size][];
        this.recordPhaseSets = new long[pairCount];
        this.gaps = context.gaps();
        this.recordRegions = context.recordRegions();
        this.joiner = gaps == GapAlleles.deletion && gapCode >= 0 && pairCount > 0 ? new GapJoiner(this) : null;
    }

    /** The gap sites joined into deletions and those written as {@code *} for want of an anchor. */
    @Override
    public GapCounts gapCounts() {
        return joiner == null ? GapCounts.NONE : joiner.counts();
    }

    /** Whether the allele of a code is a string of bases VCF can write. */
    final boolean isBasesCode(int code) {
        return validRef[code];
    }

    /** Makes room for a joined record of {@code alts} ALT alleles. */
    final void ensureAlleleRoom(int alts) {
        if (recordAlts.length < alts) {
            recordAlts = new byte[alts][];
        }
        if (alleleCounts.length < alts + 1) {
            alleleCounts = new int[alts + 1];
        }
    }

    /** A non-empty string of A, C, G, T and N in either case: what VCF 4.2 allows as REF and (besides * ) ALT. */
    static boolean isBases(String allele) {
        if (allele.isEmpty()) {
            return false;
        }
        for (int i = 0; i < allele.length(); i++) {
            char c = allele.charAt(i);
            if ("ACGTNacgtn".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The meta lines and the column header line; {@code options} the ##hapmatrix_options line's
     * value (empty: none); with {@code phaseSets}, PS is declared: records with a phase set write
     * GT:PS (a VCF/BCF input's, written back).
     */
    static byte[] header(List<SamplePair> pairs, List<String> contigs, String commandLine, String options, boolean phaseSets) {
        StringBuilder header = new StringBuilder();
        header.append("##fileformat=VCFv4.2\n");
        header.append("##source=hapmatrix ").append(Version.current()).append('\n');
        header.append("##hapmatrix_command=").append(commandLine).append('\n');
        if (!options.isEmpty()) {
            // Unlike the command line, the same for every part of a scatter: concat compares it.
            header.append("##hapmatrix_options=").append(options).append('\n');
        }
        for (String contig : contigs) {
            header.append("##contig=<ID=").append(contig).append(">\n");
        }
        header.append("##INFO=<ID=AC,Number=A,Type=Integer,Description=\"Allele count in genotypes, for each ALT allele, in the same order as listed\">\n");
        header.append("##INFO=<ID=AN,Number=1,Type=Integer,Description=\"Total number of alleles in called genotypes\">\n");
        header.append("##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n");
        if (phaseSets) {
            header.append("##FORMAT=<ID=PS,Number=1,Type=Integer,Description=\"Phase set\">\n");
        }
        header.append("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO");
        if (!pairs.isEmpty()) {
            header.append("\tFORMAT");
            for (SamplePair pair : pairs) {
                header.append('\t').append(pair.name());
            }
        }
        return header.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A contig name VCF can carry in CHROM and in {@code ##contig=<ID=...>}: no whitespace or
     * control characters, none of {@code , < > [ ] ( ) { } " ' \}, and not starting with
     * {@code #} (a header line) or {@code *} or {@code =} (VCF 4.3's rule, which 4.2 readers accept).
     */
    static void checkContigNames(String source, List<String> contigs) {
        for (String contig : contigs) {
            boolean valid = !contig.isEmpty() && "#*=".indexOf(contig.charAt(0)) < 0;
            for (int i = 0; valid && i < contig.length(); i++) {
                char c = contig.charAt(i);
                // No '=' (htsjdk reads ##contig=<ID=chr=1> as another key) and no backtick (bcftools).
                valid = c > ' ' && c != 0x7f && ",<>[](){}\"'\\`=".indexOf(c) < 0 && !Character.isWhitespace(c);
            }
            if (!valid) {
                throw new HapmatrixException(source + ": contig '" + contig
                        + "' cannot be a VCF contig name (no whitespace, commas, quotes, brackets, = or `, no leading # *)");
            }
        }
    }

    @Override
    public void write(SiteRows sites) throws IOException {
        int rows = sites.rows();
        for (int row = 0; row < rows; row++) {
            if (joiner != null) {
                joiner.add(sites, row);
            } else {
                writeSite(sites, row);
            }
        }
    }

    @Override
    public void finish() throws IOException {
        if (joiner != null) {
            joiner.end();
        }
        super.finish();
    }

    /**
     * Whether a record at {@code position} with a REF of {@code refLength} bases is written: with
     * {@link Context#recordRegions()}, only if it overlaps a region of the current contig (as
     * {@code bcftools view -r} keeps records).
     */
    final boolean inRegions(long position, int refLength) {
        if (recordRegions == null) {
            return true;
        }
        long[] bounds = recordRegions.get(contigName);
        if (bounds == null) {
            return false;
        }
        long end = position + refLength - 1;
        for (int i = 0; i < bounds.length; i += 2) {
            if (bounds[i] <= end && bounds[i + 1] >= position) {
                return true;
            }
        }
        return false;
    }

    /** One site as one record: {@code -} as {@code *} (or, with {@code --gaps missing}, as missing data); false if not in the regions. */
    final boolean writeSite(SiteRows sites, int row) throws IOException {
        startSite(sites, row);
        long position = sites.position(row);
        int refCode = sites.refCode(row);
        int altCount = sites.altCodes(row, alts);
        if (gaps == GapAlleles.missing && gapCode >= 0) {
            altCount = withoutGap(altCount);
        }
        if (!inRegions(position, vcfAlleles[refCode].length)) {
            return false; // read only because the whole contig is (a site outside the regions is not checked either)
        }
        check(position, refCode, altCount);
        called = countGenotypes(sites, row, refCode, altCount);
        recordRef = vcfAlleles[refCode];
        recordAltCount = altCount;
        for (int i = 0; i < altCount; i++) {
            recordAlts[i] = vcfAlleles[alts[i]];
        }
        boolean phaseSets = sites.hasPhaseSets(row);
        if (phaseSets) {
            for (int pair = 0; pair < pairCount; pair++) {
                recordPhaseSets[pair] = sites.phaseSet(pair, row);
            }
        }
        putRecord(position, phaseSets);
        return true;
    }

    private int withoutGap(int altCount) {
        int kept = 0;
        for (int i = 0; i < altCount; i++) {
            if (alts[i] != gapCode) {
                alts[kept++] = alts[i];
            }
        }
        return kept;
    }

    /**
     * Writes the record of {@link #recordRef}, {@link #recordAlts}, {@link #genotypes},
     * {@link #alleleCounts} and {@link #called} at {@code position} of the current contig, with
     * {@link #recordPhaseSets} when {@code phaseSets}.
     */
    void putRecord(long position, boolean phaseSets) throws IOException {
        byte[] ref = recordRef;
        int altCount = recordAltCount;
        if (index != null) {
            flush(); // the record's virtual file pointer is the stream's position at its first byte
            index.recordStart(contigName, position, position + ref.length - 1);
        }
        ensureRoom(contig.length + ref.length + 40);
        put(contig);
        buffer[length++] = TAB;
        putDecimal(position);
        put(NO_ID);
        put(ref);
        buffer[length++] = TAB;
        if (altCount == 0) {
            buffer[length++] = '.';
        }
        for (int i = 0; i < altCount; i++) {
            byte[] allele = recordAlts[i];
            ensureRoom(allele.length + 12);
            if (i > 0) {
                buffer[length++] = ',';
            }
            put(allele);
        }
        if (altCount == 0) {
            // No ALT (--gaps missing at a site whose only ALT was -): AC has no value to hold.
            ensureRoom(INFO_NO_AC.length);
            put(INFO_NO_AC);
        } else {
            ensureRoom(INFO_AC.length);
            put(INFO_AC);
            for (int i = 1; i <= altCount; i++) {
                ensureRoom(12);
                if (i > 1) {
                    buffer[length++] = ',';
                }
                putDecimal(alleleCounts[i]);
            }
            ensureRoom(1);
            buffer[length++] = ';';
        }
        ensureRoom(INFO_AN.length + 12 + FORMAT_GT.length);
        put(INFO_AN);
        putDecimal(called);
        if (pairCount > 0) {
            ensureRoom(FORMAT_GT_PS.length);
            put(phaseSets ? FORMAT_GT_PS : FORMAT_GT);
            for (int pair = 0; pair < pairCount; pair++) {
                ensureRoom(48);
                buffer[length++] = TAB;
                putGenotype(genotypes[2 * pair]);
                buffer[length++] = '|';
                putGenotype(genotypes[2 * pair + 1]);
                if (phaseSets) {
                    long phaseSet = recordPhaseSets[pair];
                    buffer[length++] = ':';
                    if (phaseSet >= 0) {
                        putDecimal(phaseSet);
                    } else {
                        buffer[length++] = '.';
                    }
                }
            }
        }
        ensureRoom(1);
        buffer[length++] = '\n';
        lineDone();
    }

    final void check(long position, int refCode, int altCount) {
        if (!validRef[refCode]) {
            throw siteError(position, "REF allele '" + new String(alleleBytes[refCode], StandardCharsets.UTF_8)
                    + "' cannot be written to VCF (REF must be a string of A, C, G, T, N)");
        }
        for (int i = 0; i < altCount; i++) {
            if (!validAlt[alts[i]]) {
                throw siteError(position, "allele '" + new String(alleleBytes[alts[i]], StandardCharsets.UTF_8)
                        + "' cannot be written to VCF (alleles must be strings of A, C, G, T, N, or -)");
            }
        }
        if (anyLowercase) {
            // 'A' and 'a' are different matrix alleles but the same VCF allele: REF A, ALT A would be wrong.
            for (int i = 0; i < altCount; i++) {
                for (int j = -1; j < i; j++) {
                    byte[] other = vcfAlleles[j < 0 ? refCode : alts[j]];
                    if (Arrays.equals(other, vcfAlleles[alts[i]])) {
                        throw siteError(position, "alleles '" + new String(alleleBytes[j < 0 ? refCode : alts[j]],
                                StandardCharsets.UTF_8) + "' and '" + new String(alleleBytes[alts[i]], StandardCharsets.UTF_8)
                                + "' differ only in case, and VCF's bases are case-insensitive");
                    }
                }
            }
        }
        if (position < 1 || position > MAX_POSITION) {
            throw siteError(position, "VCF positions run from 1 to " + MAX_POSITION);
        }
    }

    final HapmatrixException siteError(long position, String what) {
        return new HapmatrixException(source + ": contig '" + contigName + "', position " + position + ": " + what);
    }

    /** Fills {@link #genotypes} and {@link #alleleCounts} for one site; returns AN, the number of called alleles. */
    final int countGenotypes(SiteRows sites, int row, int refCode, int altCount) {
        gtIndex[refCode] = 0;
        for (int i = 0; i < altCount; i++) {
            gtIndex[alts[i]] = i + 1;
        }
        if (missingCode >= 0) {
            gtIndex[missingCode] = missing == MissingAlleles.dot ? -1 : 0;
        }
        if (gapCode >= 0 && missing == MissingAlleles.ref) {
            gtIndex[gapCode] = 0;
        } else if (gapCode >= 0 && gaps == GapAlleles.missing) {
            gtIndex[gapCode] = -1;
        }
        Arrays.fill(alleleCounts, 0, altCount + 1, 0);
        int called = 0;
        byte[][] codeColumns = sites.pairCodeColumns();
        for (int pair = 0; pair < pairCount; pair++) {
            for (int sample = 0; sample < 2; sample++) {
                int gt = gtIndex[codeColumns != null ? codeColumns[2 * pair + sample][row] & 0xFF : sites.pairCode(pair, sample, row)];
                genotypes[2 * pair + sample] = gt;
                if (gt >= 0) {
                    called++;
                    alleleCounts[gt]++;
                }
            }
        }
        return called;
    }

    final void putGenotype(int gt) {
        if (gt < 0) {
            buffer[length++] = '.';
        } else if (gt < 10) {
            buffer[length++] = (byte) ('0' + gt);
        } else {
            putDecimal(gt);
        }
    }
}
