package org.hapmatrix.gather;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.hapmatrix.cluster.ClusterMatrices;
import org.hapmatrix.reference.ReferenceConverter;
import org.hapmatrix.testsupport.CliRunner;
import org.hapmatrix.testsupport.ExternalTool;
import org.hapmatrix.testsupport.MatrixGenerator.GeneratedMatrix;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * concat, the gather: per-contig outputs joined equal one convert byte for byte; parts that do
 * not belong together, are missing or are not hapmatrix outputs are refused before anything is
 * written, and an existing output stays as it was.
 */
class ConcatTest {
    private static final byte[] OLD_OUTPUT = "an earlier result\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    private GeneratedMatrix matrix;
    private Path indexed;

    @BeforeEach
    void indexedMatrix() {
        matrix = ClusterMatrices.sorted(5, 500);
        Path plain = tmp.resolve("m.txt");
        matrix.writeTo(plain, true);
        indexed = ExternalTool.bgzipAndIndex(plain, 1);
    }

    /** One convert per group of contigs, as the workflow runs them; returns the parts in order. */
    private List<String> scatter(int contigsPerPart, String suffix, String... options) throws IOException {
        List<String> contigs = ClusterMatrices.CONTIGS;
        List<String> parts = new ArrayList<>();
        for (int first = 0; first < contigs.size(); first += contigsPerPart) {
            List<String> group = contigs.subList(first, Math.min(contigs.size(), first + contigsPerPart));
            Path list = Files.writeString(tmp.resolve("group" + first + ".txt"), String.join("\n", group) + "\n");
            Path part = tmp.resolve("part" + first + suffix);
            List<String> args = new ArrayList<>(List.of("convert", indexed.toString(), "--contigs-file", list.toString(),
                    "-o", part.toString(), "-q"));
            args.addAll(List.of(options));
            CliRunner.Result result = CliRunner.run(args.toArray(String[]::new));
            assertEquals(0, result.exitCode(), result.toString());
            parts.add(part.toString());
        }
        return parts;
    }

    private byte[] concat(List<String> parts, Path output) throws IOException {
        List<String> args = new ArrayList<>(List.of("concat"));
        args.addAll(parts);
        args.addAll(List.of("-o", output.toString(), "-q"));
        CliRunner.Result result = CliRunner.run(args.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result.toString());
        return Files.readAllBytes(output);
    }

    private byte[] convertAll(Path output, String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of("convert", indexed.toString(), "-o", output.toString(), "-q"));
        args.addAll(List.of(options));
        CliRunner.Result result = CliRunner.run(args.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result.toString());
        return Files.readAllBytes(output);
    }

    @Test
    void joinedPartsEqualOneConvertByteForByte() throws IOException {
        byte[] whole = convertAll(tmp.resolve("whole.txt"));
        assertEquals(ReferenceConverter.convert(matrix.columnNames(), matrix.rows(),
                ReferenceConverter.defaultPairs(matrix.columnNames()), null), new String(whole, StandardCharsets.UTF_8));
        for (int perPart : List.of(1, 2, 7)) {
            assertArrayEquals(whole, concat(scatter(perPart, ".txt"), tmp.resolve("joined" + perPart + ".txt")));
        }
    }

    @Test
    void gzipPartsAndOutput() throws IOException {
        byte[] whole = convertAll(tmp.resolve("whole.txt"), "--samples", "1a,1b");
        List<String> parts = scatter(3, ".txt.gz", "--samples", "1a,1b");
        byte[] joined = concat(parts, tmp.resolve("joined.txt.gz"));
        assertArrayEquals(whole, gunzip(joined));
        assertArrayEquals(whole, concat(parts, tmp.resolve("joined.txt")));
    }

    @Test
    void partsWithDifferentHeadersAreRefused() throws IOException {
        List<String> parts = new ArrayList<>(scatter(3, ".txt"));
        List<String> otherPairs = scatter(3, ".other.txt", "--samples", "1a,1b");
        parts.set(1, otherPairs.get(1));
        assertFailsKeepingOutput(1, otherPairs.get(1) + ":1: header differs from the first part's (" + parts.get(0)
                + "); parts must come from runs with the same options", parts);
    }

    @Test
    void aMissingPartIsRefused() throws IOException {
        List<String> parts = new ArrayList<>(scatter(3, ".txt"));
        Files.delete(Path.of(parts.get(2)));
        assertFailsKeepingOutput(2, parts.get(2) + ": no such file", parts);
    }

    @Test
    void aPartThatIsNotAHapmatrixOutputIsRefused() throws IOException {
        List<String> parts = new ArrayList<>(scatter(3, ".txt"));
        byte[] secondPart = Files.readAllBytes(Path.of(parts.get(1)));
        parts.set(1, tmp.resolve("m.txt").toString());
        assertFailsKeepingOutput(1, parts.get(1) + ":1: not a hapmatrix output (its first line is not the header of a "
                + "haplotype table, VCF or phase-Extender table)", parts);
        Path empty = Files.createFile(tmp.resolve("empty.txt"));
        parts.set(1, empty.toString());
        assertFailsKeepingOutput(1, empty + ":1: not a hapmatrix output (empty file)", parts);
        Path truncated = tmp.resolve("truncated.txt");
        byte[] good = secondPart;
        Files.write(truncated, java.util.Arrays.copyOf(good, good.length - 3));
        parts.set(1, truncated.toString());
        assertFailsKeepingOutput(1, truncated + ": not a hapmatrix output (its last line has no line end: truncated?)", parts);
    }

    @Test
    void theOutputCannotBeAPart() throws IOException {
        List<String> parts = scatter(3, ".txt");
        byte[] before = Files.readAllBytes(Path.of(parts.get(1)));
        List<String> args = new ArrayList<>(List.of("concat"));
        args.addAll(parts);
        args.addAll(List.of("-o", parts.get(1)));
        CliRunner.Result result = CliRunner.run(args.toArray(String[]::new));
        assertEquals(2, result.exitCode(), result.toString());
        assertEquals("hapmatrix: " + parts.get(1) + ": the output is also a part\n", result.stderr());
        assertArrayEquals(before, Files.readAllBytes(Path.of(parts.get(1))));
    }

    private void assertFailsKeepingOutput(int exitCode, String message, List<String> parts) throws IOException {
        Path output = tmp.resolve("existing.txt");
        Files.write(output, OLD_OUTPUT);
        List<String> args = new ArrayList<>(List.of("concat"));
        args.addAll(parts);
        args.addAll(List.of("-o", output.toString()));
        CliRunner.Result result = CliRunner.run(args.toArray(String[]::new));
        assertEquals(exitCode, result.exitCode(), result.toString());
        assertEquals("hapmatrix: " + message + "\n", result.stderr());
        assertArrayEquals(OLD_OUTPUT, Files.readAllBytes(output));
        try (var files = Files.list(tmp)) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().endsWith(".part")), "a .part file was left");
        }
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }
}
