package org.hapmatrix.reference;

/**
 * A sample pair phased together: output columns {@code <name>_PI} and {@code <name>_PG_al},
 * the latter holding {@code <allele of sampleA>|<allele of sampleB>}.
 */
public record ReferencePair(String name, String sampleA, String sampleB) {
}
