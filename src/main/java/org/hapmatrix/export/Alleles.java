package org.hapmatrix.export;

/** The allele values the output formats treat specially. */
final class Alleles {
    /** A missing call: never part of ALT. */
    static final String MISSING = "N";
    /** A gap: part of ALT, but a pair's gap is missing data like N. */
    static final String GAP = "-";

    private Alleles() {
    }

    /** Whether a pair allele is missing data, written as REF or {@code .} ({@code --missing}). */
    static boolean isMissingCall(String allele) {
        return MISSING.equals(allele) || GAP.equals(allele);
    }
}
