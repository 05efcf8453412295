package org.hapmatrix.format;

import org.hapmatrix.matrix.SiteBatch;
import org.hapmatrix.matrix.ValueDictionary;

/**
 * The rules that turn one VCF/BCF call into the allele codes of a sample's two haplotype
 * columns, shared by the VCF and the BCF reader (README, "VCF and BCF input"):
 * <ul>
 * <li>a phased diploid call ({@code a|b}): {@code a} and {@code b};</li>
 * <li>an unphased call ({@code a/b}): the same if {@code a == b}; if not, by {@link VcfReadOptions.Unphased};</li>
 * <li>a haploid call ({@code a}): {@code a} on both haplotypes (hemizygous chrX/Y of males,
 *     mitochondria), so it reads as the homozygous call it is in effect;</li>
 * <li>a missing allele ({@code .}): N; more than two alleles: an error.</li>
 * </ul>
 * Alleles are given as GT indices (0 REF, 1.. ALT, -1 missing) into the site's allele codes.
 */
final class HaplotypeCalls {
    /** A call these rules reject; the reader adds file, line, contig and position. */
    static final class Rejected extends Exception {
        Rejected(String message) {
            super(message, null, false, false);
        }
    }

    private final VcfReadOptions options;
    private final ValueDictionary alleles;
    /** Dictionary codes of the site's alleles by GT index (0 REF). */
    private int[] siteCodes = new int[8];
    private int siteAlleleCount;
    private int missingCode = -1;
    private long unphasedHeterozygous;
    private long haploid;

    HaplotypeCalls(VcfReadOptions options, ValueDictionary alleles) {
        this.options = options;
        this.alleles = alleles;
    }

    /** Starts a site with {@code count} alleles (REF and ALTs); their codes follow through {@link #setSiteAllele}. */
    void startSite(int count) {
        if (siteCodes.length < count) {
            siteCodes = new int[Math.max(count, 2 * siteCodes.length)];
        }
        siteAlleleCount = count;
    }

    void setSiteAllele(int index, int code) {
        siteCodes[index] = code;
    }

    /** The number of alleles (REF and ALTs) of the current site. */
    int siteAlleleCount() {
        return siteAlleleCount;
    }

    /**
     * Sets sample {@code sample}'s two haplotype columns ({@code 1 + 2 * sample} and the next) of
     * {@code row}: {@code ploidy} alleles, of which the first two are {@code first}, {@code second}.
     */
    void place(SiteBatch batch, int row, int sample, int first, int second, int ploidy, boolean phased)
            throws Rejected {
        int column = 1 + 2 * sample;
        if (ploidy == 2) {
            if (!phased && first != second) {
                switch (options.unphased()) {
                    case missing -> {
                        unphasedHeterozygous++;
                        int missing = missingCode();
                        batch.setAllele(column, row, missing);
                        batch.setAllele(column + 1, row, missing);
                        return;
                    }
                    case error -> throw new Rejected("unphased heterozygous call ("
                            + describe(first) + "/" + describe(second) + ") cannot be split into two haplotypes"
                            + " (--unphased missing makes it N, --unphased keep takes the written order)");
                    case keep -> unphasedHeterozygous++;
                }
            }
            batch.setAllele(column, row, code(first));
            batch.setAllele(column + 1, row, code(second));
        } else if (ploidy == 1) {
            haploid++;
            int code = code(first);
            batch.setAllele(column, row, code);
            batch.setAllele(column + 1, row, code);
        } else if (ploidy == 0) {
            int missing = missingCode();
            batch.setAllele(column, row, missing);
            batch.setAllele(column + 1, row, missing);
        } else {
            throw new Rejected(ploidy + " alleles in one call; only haploid and diploid calls become two haplotypes"
                    + " (drop or recode polyploid samples first, e.g. bcftools view -s)");
        }
    }

    private static String describe(int index) {
        return index < 0 ? "." : Integer.toString(index);
    }

    private int code(int index) throws Rejected {
        if (index < 0) {
            return missingCode();
        }
        if (index >= siteAlleleCount) {
            throw new Rejected("GT allele index " + index + " but the site has only " + (siteAlleleCount - 1)
                    + " ALT allele(s)");
        }
        return siteCodes[index];
    }

    int missingCode() throws Rejected {
        if (missingCode < 0) {
            missingCode = codeOf(Alleles.MISSING);
        }
        return missingCode;
    }

    private int codeOf(String allele) throws Rejected {
        byte[] bytes = allele.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try {
            return alleles.codeOf(bytes, 0, bytes.length);
        } catch (ValueDictionary.RejectedValue e) {
            throw new Rejected(e.getMessage());
        }
    }

    /** Unphased heterozygous calls seen (made N, or kept in written order). */
    long unphasedHeterozygous() {
        return unphasedHeterozygous;
    }

    long haploid() {
        return haploid;
    }

    /** What the summary line adds: "570 unphased heterozygous call(s) set to N", or empty. */
    String note() {
        StringBuilder note = new StringBuilder();
        if (unphasedHeterozygous > 0) {
            note.append(unphasedHeterozygous).append(" unphased heterozygous call(s) ")
                    .append(options.unphased() == VcfReadOptions.Unphased.keep ? "kept in written order" : "set to N");
        }
        if (haploid > 0) {
            note.append(note.length() > 0 ? ", " : "").append(haploid).append(" haploid call(s) on both haplotypes");
        }
        return note.toString();
    }
}
