package org.hapmatrix.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hapmatrix.format.Codecs;
import org.hapmatrix.format.InputCodec;
import org.hapmatrix.io.MatrixInput;
import org.hapmatrix.matrix.OpenedInput;
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

    /** The files these options read, by what they are, for the check that -o is none of them. */
    Map<String, Path> inputFiles() {
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("matrix", MatrixInput.STDIN.equals(matrix) ? null : Path.of(matrix));
        files.put("header file", headerFile);
        return files;
    }

    /** Opens the input to read only {@code contigs} (all for an empty list), in the format its content says. */
    OpenedInput open(List<String> contigs, boolean filterWithoutIndex) {
        return Codecs.openInput(new InputCodec.Request(matrix, headerFile, contigs, filterWithoutIndex));
    }
}
