package org.hapmatrix.cli;

import org.hapmatrix.matrix.MatrixHeader;
import org.hapmatrix.matrix.MatrixInput;
import org.hapmatrix.matrix.MatrixParser;
import org.hapmatrix.matrix.MatrixSource;

/**
 * The matrix named on the command line, its header already read. The first {@link #open()}
 * hands out that parser; a file may be opened again from the start, standard input may not.
 */
final class OpenedMatrix implements MatrixSource, AutoCloseable {
    private final String path;
    private final MatrixHeader headerFromFile;
    private final String headerFile;
    private final long sizeBytes;
    private final String name;
    private MatrixParser first;

    OpenedMatrix(String path, MatrixHeader headerFromFile, String headerFile) {
        this.path = path;
        this.headerFromFile = headerFromFile;
        this.headerFile = headerFile;
        this.first = parse();
        this.sizeBytes = first.bytesTotal();
        this.name = first.sourceName();
    }

    private MatrixParser parse() {
        MatrixInput input = MatrixInput.open(path);
        try {
            return new MatrixParser(input, headerFromFile);
        } catch (RuntimeException e) {
            input.close();
            throw e;
        }
    }

    MatrixHeader header() {
        return first != null ? first.header() : headerFromFile;
    }

    @Override
    public MatrixParser open() {
        if (first != null) {
            MatrixParser parser = first;
            first = null;
            return parser;
        }
        if (!reopenable()) {
            throw new IllegalStateException("standard input cannot be read twice");
        }
        return parse();
    }

    @Override
    public boolean reopenable() {
        return !MatrixInput.STDIN.equals(path);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long sizeBytes() {
        return sizeBytes;
    }

    @Override
    public String headerSource() {
        return headerFile != null ? headerFile : "first line of " + name;
    }

    @Override
    public void close() {
        if (first != null) {
            first.close();
        }
    }
}
