package org.hapmatrix.format;

/**
 * The allele rules, written once for Java (the SQL side's copy: the macros of
 * {@code sql/create_allele_macros.sql}): ALT is the distinct alleles minus {@link #MISSING} and
 * minus REF; a pair's {@link #MISSING} or {@link #GAP} is missing data, which the table writes as
 * REF. The query class takes N's bit for the ALT mask from here, the formatters the missing calls.
 */
public final class Alleles {
    /** A missing call: never part of ALT. */
    public static final String MISSING = "N";
    /** A gap: part of ALT, but a pair's gap is missing data like N. */
    static final String GAP = "-";

    private Alleles() {
    }

    /** Whether a pair allele is missing data, written as REF or {@code .} ({@code --missing}). */
    static boolean isMissingCall(String allele) {
        return MISSING.equals(allele) || GAP.equals(allele);
    }
}
