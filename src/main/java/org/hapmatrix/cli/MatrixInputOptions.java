package org.hapmatrix.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hapmatrix.format.Codecs;
import org.hapmatrix.format.InputCodec;
import org.hapmatrix.format.VcfReadOptions;
import org.hapmatrix.io.FileExtensions;
import org.hapmatrix.io.MatrixInput;
import org.hapmatrix.matrix.OpenedInput;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The matrix to read ({@code -} for stdin, {@code .gz} recognised) and where its column names come from. */
public final class MatrixInputOptions {
    @Parameters(index = "0", paramLabel = "MATRIX",
            description = "Tab-separated genome matrix (contig, position, reference, one column per sample), VCF or BCF,"
                    + " recognised by content. Plain, gzip or BGZF; - reads stdin.")
    String matrix;

    @Option(names = "--unphased", paramLabel = "missing|keep|error",
            description = "VCF/BCF input only: an unphased heterozygous call (0/1) becomes N on both haplotypes (missing,"
                    + " the default, counted in the summary), keeps its written order (keep), or stops the run (error).")
    VcfReadOptions.Unphased unphased = VcfReadOptions.Unphased.missing;

    @Option(names = "--phase-set", paramLabel = "TAG",
            description = "VCF/BCF input only: the FORMAT tag of the phase set (default PS; PI for GATK's ReadBackedPhasing, HP...).")
    String phaseSetTag = VcfReadOptions.DEFAULT.phaseSetTag();

    @Option(names = "--header", paramLabel = "FILE",
            description = "Column names, one tab-separated line; without it the matrix's first line is the header.")
    Path headerFile;

    /** The files these options read, by what they are, for the check that -o is none of them. */
    Map<String, Path> inputFiles() {
        return inputFiles(matrix, headerFile);
    }

    /**
     * The files read for {@code matrix} (null or - for none) and {@code headerFile} (null for
     * none): also the indexes beside the matrix, which describe it and are read in its place.
     */
    static Map<String, Path> inputFiles(String matrix, Path headerFile) {
        Map<String, Path> files = new LinkedHashMap<>();
        boolean fromFile = matrix != null && !MatrixInput.STDIN.equals(matrix);
        files.put("matrix", fromFile ? Path.of(matrix) : null);
        for (String extension : FileExtensions.INDEXES) {
            files.put("matrix's " + extension + " index", fromFile ? Path.of(matrix + extension) : null);
        }
        files.put("header file", headerFile);
        return files;
    }

    /** Opens the input to read only {@code contigs} (all for an empty list), in the format its content says. */
    OpenedInput open(List<String> contigs, boolean filterWithoutIndex) {
        return Codecs.openInput(new InputCodec.Request(matrix, headerFile, contigs, filterWithoutIndex, vcfOptions()));
    }

    /** How VCF/BCF calls become haplotypes. */
    VcfReadOptions vcfOptions() {
        return new VcfReadOptions(unphased, phaseSetTag);
    }
}
