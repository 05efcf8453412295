package org.hapmatrix.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.hapmatrix.testsupport.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code --db} may name: the check that refuses a file writes nothing to it, and a path that
 * is not a regular file (a device, a named pipe) is refused before DuckDB can open it.
 */
class DatabaseFileChecksTest {
    private static final String MATRIX = "CHROM\tPOS\tREF\t1a\t1b\n1\t10\tA\tA\tC\n";

    @TempDir
    Path tmp;

    @Test
    void refusedDuckDbFileWithAPendingWalStaysAsItWas() throws Exception {
        Path other = tmp.resolve("other.duckdb");
        Path wal = tmp.resolve("other.duckdb.wal");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + other);
             Statement statement = connection.createStatement()) {
            // Someone's database whose last changes are still only in its write-ahead log.
            statement.execute("PRAGMA disable_checkpoint_on_shutdown");
            statement.execute("SET checkpoint_threshold = '1TB'");
            statement.execute("CREATE TABLE notes AS SELECT range AS id FROM range(1000)");
        }
        assertTrue(Files.size(wal) > 0, "the WAL holds the table");
        byte[] database = Files.readAllBytes(other);
        byte[] log = Files.readAllBytes(wal);
        Path matrix = Files.writeString(tmp.resolve("m.txt"), MATRIX);
        for (List<String> command : List.of(
                List.of("load", matrix.toString(), "--db", other.toString(), "-q"),
                List.of("convert", matrix.toString(), "--db", other.toString(), "-q"),
                List.of("export", "--db", other.toString(), "-q"),
                List.of("info", "--db", other.toString()))) {
            CliRunner.Result result = CliRunner.run(command.toArray(String[]::new));
            assertEquals(1, result.exitCode(), command + ": " + result);
            assertEquals("hapmatrix: " + other + ": not a hapmatrix database (no matrix or load_info table)\n",
                    result.stderr(), command.toString());
            assertArrayEquals(database, Files.readAllBytes(other), command + " wrote to the database");
            assertArrayEquals(log, Files.readAllBytes(wal), command + " wrote to its WAL");
        }
    }

    @Test
    void namedPipeOrDeviceAsDatabaseIsRefused() throws Exception {
        Path fifo = tmp.resolve("db.fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor());
        Path matrix = Files.writeString(tmp.resolve("m.txt"), MATRIX);
        for (String path : List.of(fifo.toString(), "/dev/null", "/dev/zero")) {
            for (List<String> command : List.of(
                    List.of("load", matrix.toString(), "--db", path, "-q"),
                    List.of("convert", matrix.toString(), "--db", path, "-q"),
                    List.of("export", "--db", path, "-q"),
                    List.of("sql", "--db", path, "SELECT 1"),
                    List.of("info", "--db", path))) {
                CliRunner.Result result = CliRunner.run(command.toArray(String[]::new));
                assertEquals(2, result.exitCode(), command + ": " + result);
                assertEquals("hapmatrix: " + path + ": not a regular file, not a database\n", result.stderr(),
                        command.toString());
            }
        }
        assertTrue(Files.isRegularFile(tmp.resolve("m.txt")));
        try (var files = Files.list(tmp)) {
            assertEquals(2, files.count(), "nothing created beside the pipe");
        }
    }

    @Test
    void convertReplacesTheDatabaseOnlyWhenTheWholeRunSucceeded() throws IOException {
        Path db = tmp.resolve("kept.duckdb");
        Path old = Files.writeString(tmp.resolve("old.txt"), MATRIX);
        assertEquals(0, CliRunner.run("load", old.toString(), "--db", db.toString(), "-q").exitCode());
        byte[] before = Files.readAllBytes(db);
        Path matrix = Files.writeString(tmp.resolve("new.txt"), MATRIX + "2\t5\tG\tT\tG\n");
        for (List<String> failing : List.of(
                List.of("--contigs", "nosuch"),
                List.of("-o", "/dev/full"),
                List.of("--samples", "1a,nosuch"))) {
            List<String> args = new java.util.ArrayList<>(List.of("convert", matrix.toString(), "--db", db.toString(), "-q"));
            args.addAll(failing);
            CliRunner.Result result = CliRunner.run(args.toArray(String[]::new));
            assertTrue(result.exitCode() != 0, failing + ": " + result);
            assertArrayEquals(before, Files.readAllBytes(db), failing + " replaced the database");
        }
        try (var files = Files.list(tmp)) {
            assertEquals(List.of("kept.duckdb", "new.txt", "old.txt"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        CliRunner.Result ok = CliRunner.run("convert", matrix.toString(), "--db", db.toString(), "-q");
        assertEquals(0, ok.exitCode(), ok.toString());
        CliRunner.Result sites = CliRunner.run("sql", "--db", db.toString(), "--format", "tsv", "SELECT count(*) AS n FROM matrix");
        assertEquals("n\n2\n", sites.out());
    }

    @Test
    void textFileNamedAsDatabaseIsNotChanged() throws IOException {
        Path notes = Files.writeString(tmp.resolve("notes.txt"), "these are my notes\n");
        Path matrix = Files.writeString(tmp.resolve("m.txt"), MATRIX);
        CliRunner.Result result = CliRunner.run("load", matrix.toString(), "--db", notes.toString(), "-q");
        assertEquals(1, result.exitCode(), result.toString());
        assertEquals("hapmatrix: " + notes + ": not a hapmatrix database (not a DuckDB file)\n", result.stderr());
        assertEquals("these are my notes\n", Files.readString(notes));
    }
}
