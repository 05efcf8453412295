package org.hapmatrix.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hapmatrix.testsupport.CliRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -o} naming one of the run's inputs, directly or through a link, is refused before any work. */
class OutputIsAnInputTest {
    private static final String HEADER = "CHROM\tPOS\tREF\t1a\t1b\n";
    private static final String SITES = "1\t10\tA\tA\tC\n";

    @TempDir
    Path tmp;

    private Path matrix;
    private Path headerless;
    private Path header;
    private Path pairs;
    private Path contigs;
    private Path db;

    @BeforeEach
    void inputs() throws IOException {
        matrix = Files.writeString(tmp.resolve("m.txt"), HEADER + SITES);
        headerless = Files.writeString(tmp.resolve("sites.txt"), SITES);
        header = Files.writeString(tmp.resolve("header.txt"), HEADER);
        pairs = Files.writeString(tmp.resolve("pairs.txt"), "p\t1a\t1b\n");
        contigs = Files.writeString(tmp.resolve("contigs.txt"), "1\n");
        db = tmp.resolve("m.duckdb");
        assertEquals(0, CliRunner.run("load", matrix.toString(), "--db", db.toString(), "-q").exitCode());
    }

    @Test
    void convertRefusesToWriteOverAnyOfItsInputs() throws IOException {
        Map<Path, List<String>> runs = new LinkedHashMap<>();
        runs.put(matrix, List.of("convert", matrix.toString()));
        runs.put(header, List.of("convert", headerless.toString(), "--header", header.toString()));
        runs.put(pairs, List.of("convert", matrix.toString(), "--pairs", pairs.toString()));
        runs.put(contigs, List.of("convert", matrix.toString(), "--contigs-file", contigs.toString()));
        runs.put(db, List.of("convert", matrix.toString(), "--db", db.toString()));
        assertRefused(runs);
    }

    @Test
    void exportRefusesToWriteOverItsDatabaseOrPairsFile() throws IOException {
        Map<Path, List<String>> runs = new LinkedHashMap<>();
        runs.put(db, List.of("export", "--db", db.toString()));
        runs.put(pairs, List.of("export", "--db", db.toString(), "--pairs", pairs.toString()));
        assertRefused(runs);
    }

    /** Each run with -o as the input itself, a symbolic link to it and a hard link to it. */
    private void assertRefused(Map<Path, List<String>> runs) throws IOException {
        for (Map.Entry<Path, List<String>> run : runs.entrySet()) {
            Path input = run.getKey();
            byte[] before = Files.readAllBytes(input);
            Path symlink = Files.createSymbolicLink(tmp.resolve("sym-" + input.getFileName()), input);
            Path hardlink = Files.createLink(tmp.resolve("hard-" + input.getFileName()), input);
            for (Path output : List.of(input, symlink, hardlink)) {
                List<String> args = new ArrayList<>(run.getValue());
                args.addAll(List.of("-o", output.toString(), "-q"));
                CliRunner.Result result = CliRunner.run(args.toArray(String[]::new));
                assertEquals(2, result.exitCode(), args + ": " + result);
                assertEquals(1, result.stderr().lines().count(), result.stderr());
                assertEquals(true, result.stderr().startsWith("hapmatrix: " + output + ": output is the "), result.stderr());
                assertArrayEquals(before, Files.readAllBytes(input), args.toString());
            }
        }
    }
}
