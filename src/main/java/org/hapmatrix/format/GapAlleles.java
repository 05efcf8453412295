package org.hapmatrix.format;

/**
 * How VCF and BCF output write the allele {@code -} (a gap) ({@code --gaps}); the table and
 * phase-Extender's file always write it as {@code -}.
 */
public enum GapAlleles {
    /** As VCF's {@code *} allele, site by site (the default, and what hapmatrix always wrote). */
    star,
    /**
     * A run of gap sites joined with the site before it (its anchor) into one record, as
     * {@code bcftools norm} writes a deletion; a run without an adjacent site before it is written
     * as {@code star}.
     */
    deletion,
    /** As missing data, like {@code N}: not an ALT allele, written as {@code --missing} says. */
    missing
}
