package org.hapmatrix.format;

/** How a pair's missing ({@code N}) and gap ({@code -}) alleles are written ({@code --missing}). */
public enum MissingAlleles {
    /** Replaced by the site's REF, as the original program does (the table's default). */
    ref,
    /** Written as {@code .}; in VCF a gap is the index of its {@code *} allele (default of vcf and phase-extender). */
    dot
}
