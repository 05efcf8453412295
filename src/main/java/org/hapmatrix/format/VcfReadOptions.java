package org.hapmatrix.format;

/**
 * How a VCF or BCF input's calls become two haplotypes: what an unphased heterozygous call
 * becomes ({@code --unphased}) and which FORMAT tag holds the phase set ({@code --phase-set}).
 */
public record VcfReadOptions(Unphased unphased, String phaseSetTag) {
    /** PS is the phase-set tag of VCF 4.2 and 4.3 (WhatsHap, HapCUT2, longshot, SHAPEIT4's input). */
    public static final VcfReadOptions DEFAULT = new VcfReadOptions(Unphased.missing, "PS");

    /** What an unphased heterozygous call ({@code 0/1}) becomes. */
    public enum Unphased {
        /** Both haplotypes N: the phase is unknown, so neither allele can be placed. */
        missing,
        /** The alleles in the written order, as if the call were phased. */
        keep,
        /** An error naming the file and line. */
        error
    }
}
