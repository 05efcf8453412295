package org.hapmatrix.matrix;

/**
 * Two sample columns phased together; written as {@code <name>_PI} and {@code <name>_PG_al}.
 * {@code origin} is where it was written, {@code FILE:LINE} of a pairs file, for messages; null
 * for a pair from an option or the naming rule.
 */
public record SamplePair(String name, String sampleA, String sampleB, String origin) {
    public SamplePair(String name, String sampleA, String sampleB) {
        this(name, sampleA, sampleB, null);
    }
}
