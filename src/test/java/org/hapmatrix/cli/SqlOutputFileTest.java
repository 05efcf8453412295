package org.hapmatrix.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hapmatrix.testsupport.CliRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sql -o FILE} (issue 19 point 7): the result in the format the name says, atomically, the user's SQL still sandboxed. */
class SqlOutputFileTest {
    private static final String MATRIX = "CHROM\tPOS\tREF\t1a\t1b\nc1\t5\tA\tC\tA\nc1\t9\tG\tG\tT\nc2\t3\tT\tT\tT\n";
    private static final String QUERY = "SELECT contig, pos, ref FROM matrix ORDER BY contig, pos";

    @TempDir
    Path tmp;
    private Path db;

    @BeforeEach
    void load() throws IOException {
        Path matrix = Files.writeString(tmp.resolve("m.txt"), MATRIX);
        db = tmp.resolve("m.duckdb");
        CliRunner.Result result = CliRunner.run("load", matrix.toString(), "--db", db.toString(), "-q");
        assertEquals(0, result.exitCode(), result.toString());
    }

    private CliRunner.Result sql(String output, String query) {
        return CliRunner.run("sql", "--db", db.toString(), "-o", output, query);
    }

    @Test
    void eachTextFormatIsWhatStandardOutputWouldPrint() throws IOException {
        for (String format : List.of("csv", "tsv", "json")) {
            Path out = tmp.resolve("result." + format.toUpperCase());
            CliRunner.Result result = sql(out.toString(), QUERY);
            assertEquals(0, result.exitCode(), result.toString());
            assertEquals("", result.out());
            CliRunner.Result printed = CliRunner.run("sql", "--db", db.toString(), "--format", format, QUERY);
            assertEquals(printed.out(), Files.readString(out, StandardCharsets.UTF_8), format);
            assertTrue(Files.readString(out).contains("c2"), format);
        }
        assertNoPartFiles();
    }

    @Test
    void parquetIsReadBackByDuckDbEvenThroughAPathWithAQuote() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("it's here"));
        Path out = dir.resolve("o'; COPY (SELECT 1) TO 'x.csv'; --.parquet");
        CliRunner.Result result = sql(out.toString(),
                "SELECT contig, pos, ref, 42::HUGEINT AS big, [1, 2] AS list FROM matrix ORDER BY contig, pos");
        assertEquals(0, result.exitCode(), result.toString());
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement();
             ResultSet read = statement.executeQuery("SELECT contig, pos, ref, list FROM read_parquet('"
                     + out.toString().replace("'", "''") + "')")) {
            while (read.next()) {
                rows.add(read.getString(1) + ":" + read.getLong(2) + ":" + read.getString(3) + ":" + read.getString(4));
            }
        }
        assertEquals(List.of("c1:5:A:[1, 2]", "c1:9:G:[1, 2]", "c2:3:T:[1, 2]"), rows);
        assertFalse(Files.exists(tmp.resolve("x.csv")));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(out), files.toList());
        }
    }

    @Test
    void aFailedQueryLeavesNoFileAndAnOldOneAlone() throws IOException {
        for (String name : List.of("bad.parquet", "bad.csv")) {
            Path out = tmp.resolve(name);
            CliRunner.Result result = sql(out.toString(), "SELECT * FROM no_such_table");
            assertEquals(1, result.exitCode(), result.toString());
            assertFalse(Files.exists(out));
            // A query that fails while its rows are produced, after the output was opened.
            Files.writeString(out, "old");
            result = sql(out.toString(), "SELECT error('boom ' || pos) FROM matrix");
            assertEquals(1, result.exitCode(), result.toString());
            assertTrue(result.stderr().contains("boom"), result.stderr());
            assertEquals("old", Files.readString(out));
        }
        assertNoPartFiles();
    }

    @Test
    void theUsersSqlStillCannotWriteFiles() throws IOException {
        byte[] database = Files.readAllBytes(db);
        Path copy = tmp.resolve("copy.csv");
        Path out = tmp.resolve("out.parquet");
        CliRunner.Result result = sql(out.toString(), "COPY (SELECT 1) TO '" + copy + "'");
        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.stderr().startsWith("hapmatrix: " + db + ": Permission Error: "), result.stderr());
        assertFalse(Files.exists(copy) || Files.exists(out));
        assertArrayEquals(database, Files.readAllBytes(db));
    }

    @Test
    void badOutputsAreUsageErrors() throws IOException {
        byte[] database = Files.readAllBytes(db);
        CliRunner.Result result = sql(db.toString(), QUERY);
        assertEquals(2, result.exitCode(), result.toString());
        assertEquals("hapmatrix: " + db + ": sql -o writes .parquet, .csv, .tsv or .json; the name says which\n", result.stderr());
        Path alias = tmp.resolve("alias.parquet");
        Files.createLink(alias, db);
        result = sql(alias.toString(), QUERY);
        assertEquals(2, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("writing it would destroy an input"), result.stderr());
        assertArrayEquals(database, Files.readAllBytes(db));
        result = CliRunner.run("sql", "--db", db.toString(), "-o", tmp.resolve("x.csv").toString(), "--format", "tsv", QUERY);
        assertEquals(2, result.exitCode(), result.toString());
        assertEquals("hapmatrix: --format is for standard output; with -o the file's name says the format\n", result.stderr());
        result = sql(tmp.resolve("none.csv").toString(), "CREATE TEMP TABLE t AS SELECT 1");
        assertEquals(2, result.exitCode(), result.toString());
        assertEquals("hapmatrix: " + db + ": the statement returns no result to write to " + tmp.resolve("none.csv") + "\n",
                result.stderr());
        assertFalse(Files.exists(tmp.resolve("none.csv")));
    }

    /** Issue 21 item 8: -o holds one result; a script of several statements is refused before anything runs. */
    @Test
    void severalStatementsToAFileAreRefusedWithOneLine() {
        for (String name : List.of("two.csv", "two.parquet")) {
            Path out = tmp.resolve(name);
            CliRunner.Result result = sql(out.toString(), "SELECT 1 AS a; SELECT 2 AS b;");
            assertEquals(2, result.exitCode(), result.toString());
            assertEquals("hapmatrix: " + out + ": -o writes the result of one statement, and the SQL holds 2"
                    + " (run them without -o, or make them one query)\n", result.stderr());
            assertFalse(Files.exists(out));
        }
        // One statement with a ';' in a literal and a comment after it is one statement.
        Path out = tmp.resolve("one.csv");
        CliRunner.Result result = sql(out.toString(), "SELECT 'a;b' AS s; -- done");
        assertEquals(0, result.exitCode(), result.toString());
    }

    @Test
    void sqlFromStandardInput() {
        CliRunner.Result result = CliRunner.runWithInput(QUERY.getBytes(StandardCharsets.UTF_8),
                "sql", "--db", db.toString(), "--format", "csv", "-f", "-");
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(CliRunner.run("sql", "--db", db.toString(), "--format", "csv", QUERY).out(), result.out());
        assertTrue(result.out().contains("c2,3,T"), result.out());
    }

    /**
     * A name given to several columns is made unique in JSON as DuckDB makes it (it wrote the same
     * key twice, and a JSON reader keeps only one of the values): the names a Parquet file gets.
     */
    @Test
    void jsonKeysAreUniqueAsDuckDbMakesRepeatedNames() throws Exception {
        String query = "SELECT 1 AS a, 2 AS a, 3 AS A, 4 AS a_1, 5 AS a, 6 AS b";
        String expected = "[\n  {\"a\": 1, \"a_1\": 2, \"A_2\": 3, \"a_1_1\": 4, \"a_3\": 5, \"b\": 6}\n]\n";
        CliRunner.Result printed = CliRunner.run("sql", "--db", db.toString(), "--format", "json", query);
        assertEquals(0, printed.exitCode(), printed.toString());
        assertEquals(expected, printed.out());
        Path json = tmp.resolve("repeated.json");
        assertEquals(0, sql(json.toString(), query).exitCode());
        assertEquals(expected, Files.readString(json));

        Path parquet = tmp.resolve("repeated.parquet");
        assertEquals(0, sql(parquet.toString(), query).exitCode());
        List<String> parquetNames = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement();
             ResultSet read = statement.executeQuery("SELECT * FROM read_parquet('" + parquet + "')")) {
            for (int i = 1; i <= read.getMetaData().getColumnCount(); i++) {
                parquetNames.add(read.getMetaData().getColumnName(i));
            }
        }
        assertEquals(List.of("a", "a_1", "A_2", "a_1_1", "a_3", "b"), parquetNames);
        // The other formats show the names as the query gives them.
        CliRunner.Result csv = CliRunner.run("sql", "--db", db.toString(), "--format", "csv", query);
        assertEquals("a,a,A,a_1,a,b\n1,2,3,4,5,6\n", csv.out());
    }

    /** A write that fails says why, as convert's output errors do (it said only "write failed", or DuckDB's JSON). */
    @Test
    void aFailedWriteGivesTheReason() throws IOException {
        assumeTrue(Files.exists(Path.of("/dev/full")), "no /dev/full here");
        for (String format : List.of("csv", "tsv", "json", "parquet")) {
            Path full = Files.createSymbolicLink(tmp.resolve("full." + format), Path.of("/dev/full"));
            CliRunner.Result result = sql(full.toString(), QUERY);
            assertEquals(1, result.exitCode(), result.toString());
            assertEquals("hapmatrix: " + full + ": write failed: No space left on device\n", result.stderr());
        }
        assertNoPartFiles();
    }

    /**
     * A disk that fills while the result is written (a real 64 KiB tmpfs, so root only): the
     * reason, not the scratch file DuckDB's Parquet writer named, and nothing left in the folder.
     */
    @Test
    void aFullDiskLeavesNoPartialFile() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting a small tmpfs needs root");
        Path small = Files.createDirectory(tmp.resolve("small"));
        run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", small.toString());
        try {
            for (String format : List.of("csv", "json", "parquet")) {
                Path out = small.resolve("result." + format);
                CliRunner.Result result = sql(out.toString(), "SELECT range, md5(range::VARCHAR) AS h FROM range(200000)");
                assertEquals(1, result.exitCode(), result.toString());
                assertEquals("hapmatrix: " + out + ": write failed: No space left on device\n", result.stderr());
                try (Stream<Path> files = Files.list(small)) {
                    assertEquals(List.of(), files.toList(), format);
                }
            }
        } finally {
            // Lazy: a DuckDB thread of a failed run may still be closing its file there.
            run("umount", "-l", small.toString());
        }
    }

    /** A folder that is missing or cannot be written in is a usage error with the reason, before the query runs. */
    @Test
    void aMissingOrUnwritableFolderIsAUsageErrorWithTheReason() {
        Path missing = tmp.resolve("no-such-folder").resolve("result.csv");
        CliRunner.Result result = sql(missing.toString(), QUERY);
        assertEquals(2, result.exitCode(), result.toString());
        assertEquals("hapmatrix: " + missing + ": output directory does not exist\n", result.stderr());
        assumeTrue(Files.isDirectory(Path.of("/sys")), "no /sys here");
        result = sql("/sys/result.parquet", QUERY);
        assertEquals(2, result.exitCode(), result.toString());
        assertEquals("hapmatrix: /sys/result.parquet: cannot write in the output directory: Permission denied\n", result.stderr());
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        assertEquals(0, process.waitFor(), String.join(" ", command));
    }

    private void assertNoPartFiles() throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().endsWith(".part")).toList());
        }
    }
}
