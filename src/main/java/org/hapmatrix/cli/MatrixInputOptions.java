package org.hapmatrix.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.matrix.MatrixHeader;
import org.hapmatrix.matrix.Utf8;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The matrix to read ({@code -} for stdin, {@code .gz} recognised) and where its column names come from. */
public final class MatrixInputOptions {
    @Parameters(index = "0", paramLabel = "MATRIX",
            description = "Tab-separated genome matrix: contig, position, reference, one column per sample. Plain or gzip; - reads stdin.")
    String matrix;

    @Option(names = "--header", paramLabel = "FILE",
            description = "Column names, one tab-separated line; without it the matrix's first line is the header.")
    Path headerFile;

    /**
     * Opens the matrix and reads its header at once, so a bad header or a pair naming an unknown
     * sample fails before any data is loaded; the loader may open a file again later.
     */
    OpenedMatrix open() {
        MatrixHeader header = headerFile == null ? null : readHeaderFile();
        return new OpenedMatrix(matrix, header, headerFile == null ? null : headerFile.toString());
    }

    private MatrixHeader readHeaderFile() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(headerFile);
        } catch (NoSuchFileException e) {
            throw HapmatrixException.usage(headerFile + ": no such header file");
        } catch (IOException e) {
            throw HapmatrixException.usage(headerFile + ": cannot read header file: " + e.getMessage());
        }
        // Only the first line counts, so only it is decoded (the line ends are ASCII).
        int end = 0;
        while (end < bytes.length && bytes[end] != '\n' && bytes[end] != '\r') {
            end++;
        }
        String firstLine = Utf8.decode(bytes, 0, end).orElseThrow(
                () -> HapmatrixException.at(headerFile.toString(), 1, "header is not valid UTF-8"));
        if (firstLine.isEmpty()) {
            throw HapmatrixException.at(headerFile.toString(), 1, "empty header file");
        }
        return MatrixHeader.parse(firstLine, headerFile.toString(), 1);
    }
}
