package org.hapmatrix.format;

import java.util.List;
import org.hapmatrix.matrix.OpenedInput;

/**
 * The genome matrix: tab-separated text (plain, gzip or BGZF), contig, position, reference and one
 * allele column per sample, with its header line or a {@code --header} file. It takes any input
 * no other input codec recognises, so it comes last.
 */
public final class MatrixTextCodec implements InputCodec {
    public static final MatrixTextCodec INSTANCE = new MatrixTextCodec();

    private MatrixTextCodec() {
    }

    @Override
    public String name() {
        return "matrix";
    }

    @Override
    public String description() {
        return "genome matrix";
    }

    @Override
    public List<String> extensions() {
        return List.of();
    }

    @Override
    public boolean recognises(byte[] head, int length) {
        return true;
    }

    @Override
    public OpenedInput open(Request request) {
        return OpenedMatrix.open(request.path(), request.headerFile(), request.contigs(), request.filterWithoutIndex());
    }
}
