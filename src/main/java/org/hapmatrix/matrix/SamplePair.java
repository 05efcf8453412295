package org.hapmatrix.matrix;

/** Two sample columns phased together; written as {@code <name>_PI} and {@code <name>_PG_al}. */
public record SamplePair(String name, String sampleA, String sampleB) {
}
