package org.hapmatrix.format;

import java.util.ArrayList;
import java.util.List;
import org.hapmatrix.matrix.MatrixHeader;
import org.hapmatrix.matrix.SamplePair;

/**
 * The model of a VCF/BCF input: each VCF sample {@code S} becomes the two haplotype columns
 * {@code S_1} and {@code S_2} of the matrix table (the first and the second allele of its GT) and
 * the default pair named {@code S} of those two columns, so the table writes {@code S_PI S_PG_al}
 * and a VCF output has the sample {@code S} again. Two names that differ only in the suffix
 * cannot collide, since every sample gets both suffixes.
 */
record VcfSamples(List<String> names, MatrixHeader header, List<SamplePair> pairs) {
    /** Suffixes of a sample's two haplotype columns. */
    static final String FIRST = "_1";
    static final String SECOND = "_2";

    /** The model for the samples of a #CHROM line (at {@code file:line}, for messages). */
    static VcfSamples of(List<String> names, String file, long line) {
        List<String> columns = new ArrayList<>(List.of("CHROM", "POS", "REF"));
        List<SamplePair> pairs = new ArrayList<>();
        for (String name : names) {
            columns.add(name + FIRST);
            columns.add(name + SECOND);
            pairs.add(new SamplePair(name, name + FIRST, name + SECOND));
        }
        MatrixHeader header = MatrixHeader.parse(String.join("\t", columns), file, line);
        return new VcfSamples(List.copyOf(names), header, List.copyOf(pairs));
    }

    int count() {
        return names.size();
    }

    String name(int sample) {
        return names.get(sample);
    }

    /** The haplotype columns of the VCF sample {@code name}, or an empty list if there is none of that name. */
    List<String> columnsOf(String name) {
        return names.contains(name) ? List.of(name + FIRST, name + SECOND) : List.of();
    }
}
