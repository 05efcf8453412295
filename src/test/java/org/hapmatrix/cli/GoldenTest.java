package org.hapmatrix.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hapmatrix.testsupport.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The case the original program produced (testdata/golden): our output must equal it byte for byte. */
class GoldenTest {
    static final Path GOLDEN = Path.of("testdata", "golden");
    static final String MATRIX = GOLDEN.resolve("small_matrix.txt").toString();
    static final String HEADER = GOLDEN.resolve("small_header.txt").toString();

    @TempDir
    Path tmp;

    @Test
    void convertToFileEqualsTheOriginalProgramsOutput() throws Exception {
        Path out = tmp.resolve("haplotypes.txt");
        CliRunner.Result result = CliRunner.run("convert", MATRIX, "--header", HEADER, "-o", out.toString(), "--quiet");
        assertEquals(0, result.exitCode(), result.toString());
        assertArrayEquals(expected(), Files.readAllBytes(out));
        assertEquals("", result.stderr());
    }

    @Test
    void convertToStdoutWithOneThreadEqualsTheOriginalProgramsOutput() throws Exception {
        CliRunner.Result result = CliRunner.run("convert", MATRIX, "--header", HEADER, "--threads", "1", "-q");
        assertEquals(0, result.exitCode(), result.toString());
        assertArrayEquals(expected(), result.stdout());
    }

    @Test
    void convertFromStandardInputWithAHeaderLineEqualsTheOriginalProgramsOutput() throws Exception {
        byte[] header = Files.readAllBytes(Path.of(HEADER));
        byte[] matrix = Files.readAllBytes(Path.of(MATRIX));
        byte[] input = new byte[header.length + matrix.length];
        System.arraycopy(header, 0, input, 0, header.length);
        System.arraycopy(matrix, 0, input, header.length, matrix.length);
        CliRunner.Result result = CliRunner.runWithInput(input, "convert", "-", "-q");
        assertEquals(0, result.exitCode(), result.toString());
        assertArrayEquals(expected(), result.stdout());
    }

    static byte[] expected() throws Exception {
        return Files.readAllBytes(GOLDEN.resolve("small_expected.txt"));
    }
}
