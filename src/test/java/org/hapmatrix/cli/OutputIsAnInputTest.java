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
import org.hapmatrix.testsupport.ExternalTool;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -o} naming one of the run's inputs (an index beside the matrix included), directly or
 * through a link, is refused before any work; so is, for convert and export, an output whose
 * index beside it would be an input, and convert's {@code -o} naming its {@code --db}.
 */
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
    void contigsRefusesToWriteOverItsMatrixHeaderOrTheMatrixsIndex() throws IOException {
        Path indexed = ExternalTool.bgzipAndIndex(matrix, 1);
        Map<Path, List<String>> runs = new LinkedHashMap<>();
        runs.put(matrix, List.of("contigs", matrix.toString()));
        runs.put(header, List.of("contigs", headerless.toString(), "--header", header.toString()));
        runs.put(tmp.resolve(indexed.getFileName() + ".tbi"), List.of("contigs", indexed.toString()));
        assertRefused(runs);
    }

    @Test
    void convertAndStatsRefuseToWriteOverAnIndexBesideTheMatrix() throws IOException {
        Path indexed = ExternalTool.bgzipAndIndex(matrix, 1);
        ExternalTool.succeed(tmp, "tabix", "--csi", "-f", "-s1", "-b2", "-e2", "-S1", indexed.getFileName().toString());
        Map<Path, List<String>> runs = new LinkedHashMap<>();
        runs.put(tmp.resolve(indexed.getFileName() + ".tbi"), List.of("convert", indexed.toString()));
        runs.put(tmp.resolve(indexed.getFileName() + ".csi"), List.of("convert", indexed.toString()));
        assertRefused(runs);
        Path index = tmp.resolve(indexed.getFileName() + ".tbi");
        CliRunner.Result stats = CliRunner.run("stats", indexed.toString(), "-o", index.toString(), "-q");
        assertEquals(2, stats.exitCode(), stats.toString());
        assertEquals("hapmatrix: " + index + ": output is the matrix's .tbi index " + index
                + "; writing it would destroy an input\n", stats.stderr());
    }

    /** convert and export replace or remove OUT.tbi and OUT.csi with OUT: an input of that name is refused too. */
    @Test
    void anOutputWhoseIndexWouldBeAnInputIsRefused() throws IOException {
        Path output = tmp.resolve("out.txt");
        Path headerAsIndex = Files.copy(header, tmp.resolve("out.txt.csi"));
        assertRefusedNamingTheOutputsIndex(output, headerAsIndex, "header file " + headerAsIndex,
                "convert", headerless.toString(), "--header", headerAsIndex.toString());
        Path pairsLinkedAsIndex = Files.createSymbolicLink(tmp.resolve("out.txt.tbi"), pairs);
        assertRefusedNamingTheOutputsIndex(output, pairsLinkedAsIndex, "pairs file " + pairs,
                "export", "--db", db.toString(), "--pairs", pairs.toString());
    }

    /** convert --db X writes X too: -o X, or an OUT whose index is X, is refused whether X exists yet or not. */
    @Test
    void convertRefusesAnOutputThatIsItsNewDatabase() throws IOException {
        Path newDatabase = tmp.resolve("new.duckdb");
        CliRunner.Result sameName = CliRunner.run("convert", matrix.toString(), "--db", newDatabase.toString(),
                "-o", newDatabase.toString(), "-q");
        assertEquals(2, sameName.exitCode(), sameName.toString());
        assertEquals("hapmatrix: " + newDatabase + ": output is the database " + newDatabase
                + "; writing it would destroy an input\n", sameName.stderr());
        assertEquals(false, Files.exists(newDatabase));

        Path vcf = tmp.resolve("out.vcf.gz");
        Path databaseAsIndex = tmp.resolve("out.vcf.gz.tbi");
        CliRunner.Result asIndex = CliRunner.run("convert", matrix.toString(), "--db", databaseAsIndex.toString(),
                "-o", vcf.toString(), "-q");
        assertEquals(2, asIndex.exitCode(), asIndex.toString());
        assertEquals("hapmatrix: " + vcf + ": output's index is the database " + databaseAsIndex
                + "; writing it would destroy an input\n", asIndex.stderr());
        assertEquals(false, Files.exists(vcf));
        assertEquals(false, Files.exists(databaseAsIndex));
    }

    @Test
    void exportRefusesToWriteOverItsDatabaseOrPairsFile() throws IOException {
        Map<Path, List<String>> runs = new LinkedHashMap<>();
        runs.put(db, List.of("export", "--db", db.toString()));
        runs.put(pairs, List.of("export", "--db", db.toString(), "--pairs", pairs.toString()));
        assertRefused(runs);
    }

    /** {@code args} with {@code -o output} refused, naming {@code input} as the output's index; nothing written. */
    private void assertRefusedNamingTheOutputsIndex(Path output, Path index, String input, String... args) throws IOException {
        byte[] before = Files.readAllBytes(index);
        List<String> command = new ArrayList<>(List.of(args));
        command.addAll(List.of("-o", output.toString(), "-q"));
        CliRunner.Result result = CliRunner.run(command.toArray(String[]::new));
        assertEquals(2, result.exitCode(), command + ": " + result);
        assertEquals("hapmatrix: " + output + ": output's index is the " + input + "; writing it would destroy an input\n",
                result.stderr());
        assertArrayEquals(before, Files.readAllBytes(index), command.toString());
        assertEquals(false, Files.exists(output), command.toString());
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
