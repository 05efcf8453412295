package org.hapmatrix.app.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hapmatrix.testsupport.CliRunner;
import org.hapmatrix.testsupport.MatrixGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to {@code stats}: one line on stderr, the usual exit code, and no output file. */
class StatsErrorsTest {
    @TempDir
    Path tmp;
    Path db;
    Path html;
    Path out;

    @BeforeEach
    void loadADatabase() {
        Path matrix = tmp.resolve("m.txt");
        MatrixGenerator.seedShaped(1, 200).writeTo(matrix, true);
        db = tmp.resolve("m.duckdb");
        assertEquals(0, CliRunner.run("load", matrix.toString(), "--db", db.toString(), "-q").exitCode());
        html = tmp.resolve("report.html");
        out = tmp.resolve("stats.tsv");
    }

    @Test
    void aMissingDatabase() {
        assertFails(2, "hapmatrix: " + tmp.resolve("none.duckdb"), "stats", "--db", tmp.resolve("none.duckdb").toString());
    }

    @Test
    void aFileThatIsNotADatabase() throws IOException {
        Path text = tmp.resolve("text.duckdb");
        Files.writeString(text, "not a database\n");
        assertFails(1, "hapmatrix: " + text + ": not a hapmatrix database", "stats", "--db", text.toString());
    }

    @Test
    void anUnknownSampleContigOrPairSample() {
        assertFails(2, "hapmatrix: " + db + ": unknown sample 'nobody'", "stats", "--db", db.toString(), "--samples", "nobody");
        assertFails(2, "hapmatrix: " + db + ": unknown contig 'chrZ'", "stats", "--db", db.toString(), "--contigs", "chrZ");
        assertFails(2, "unknown sample 'nobody'", "stats", "--db", db.toString(), "--pair", "p=10a,nobody");
    }

    @Test
    void anUnknownSampleOfAMatrix() {
        Path matrix = tmp.resolve("m.txt");
        assertFails(2, "hapmatrix: " + matrix + ": unknown sample 'nobody'", "stats", matrix.toString(), "--samples", "nobody");
    }

    @Test
    void aMatrixIsLoadedIntoAScratchDatabaseThatIsDeletedAfterwards() throws IOException {
        Path scratch = Files.createDirectory(tmp.resolve("scratch"));
        Path matrix = tmp.resolve("m.txt");
        assertFails(2, "hapmatrix: " + matrix + ": unknown contig 'chrZ'", "stats", matrix.toString(), "--contigs", "chrZ",
                "--tmp-dir", scratch.toString());
        try (Stream<Path> left = Files.list(scratch)) {
            assertEquals(List.of(), left.toList(), "nothing left in --tmp-dir after a failure");
        }
        CliRunner.Result result = CliRunner.run("stats", matrix.toString(), "--tmp-dir", scratch.toString(), "-q");
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.out().contains("\nSN\tsites\t200\n"), result.out());
        try (Stream<Path> left = Files.list(scratch)) {
            assertEquals(List.of(), left.toList(), "nothing left in --tmp-dir after a run");
        }
    }

    @Test
    void neitherOrBothInputs() {
        assertFails(2, "give either a MATRIX or --db FILE", "stats");
        assertFails(2, "give either a MATRIX or --db FILE", "stats", tmp.resolve("m.txt").toString(), "--db", db.toString());
        assertFails(2, "--header goes with a MATRIX", "stats", "--db", db.toString(), "--header", tmp.resolve("m.txt").toString());
    }

    @Test
    void badOptionValues() {
        assertFails(2, "'xml' is not a stats format", "stats", "--db", db.toString(), "--format", "xml");
        assertFails(2, "must be at least 1", "stats", "--db", db.toString(), "--window", "0");
        assertFails(2, "expected a whole number of positions", "stats", "--db", db.toString(), "--window", "1e6");
        assertFails(2, "unknown option '-r' for hapmatrix stats", "stats", "--db", db.toString(), "-r", "1:1-5");
        assertFails(2, "unknown option '--regions-file' for hapmatrix stats", "stats", "--db", db.toString(), "--regions-file", "r.bed");
    }

    @Test
    void outputsThatCannotBeWritten() {
        String missingFolder = tmp.resolve("no/such/report.html").toString();
        assertFails(2, "hapmatrix: " + missingFolder + ": output directory does not exist", "stats", "--db", db.toString(),
                "--html", missingFolder);
        assertFails(2, "output is the database", "stats", "--db", db.toString(), "--html", db.toString());
        assertFails(2, "--html - and the sections would both go to stdout", "stats", "--db", db.toString(), "--html", "-",
                "-o", "-");
        assertFails(2, "--html and -o name the same file", "stats", "--db", db.toString(), "--html", html.toString(),
                "-o", html.toString());
    }

    private void assertFails(int exitCode, String message, String... args) {
        // Sections to a file (when the case names none), so that a file left behind would show.
        CliRunner.Result result = CliRunner.run(List.of(args).contains("-o") ? args
                : Stream.concat(Stream.of(args), Stream.of("-o", out.toString())).toArray(String[]::new));
        assertEquals(exitCode, result.exitCode(), result.toString());
        String stderr = result.stderr();
        assertTrue(stderr.startsWith("hapmatrix: ") && stderr.contains(message), stderr);
        assertEquals(1, stderr.strip().lines().count(), "one line: " + stderr);
        assertFalse(Files.exists(html), "no report left behind");
        assertFalse(Files.exists(out), "no sections left behind");
    }
}
