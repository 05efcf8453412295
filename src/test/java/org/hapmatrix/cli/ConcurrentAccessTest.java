package org.hapmatrix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.hapmatrix.testsupport.CliRunner;
import org.hapmatrix.testsupport.MatrixGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several processes on one database: readers share it, a writer gets a clear error instead of
 * waiting. The other processes are real JVMs running the CLI; this JVM holds a read-only connection.
 */
class ConcurrentAccessTest {
    @TempDir
    Path tmp;

    record ProcessResult(int exitCode, String stdout, String stderr) {
    }

    private static ProcessResult runProcess(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "process did not finish");
        return new ProcessResult(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void readersShareTheDatabaseAndAWriterIsRefusedAtOnce() throws Exception {
        Path matrix = tmp.resolve("m.txt");
        MatrixGenerator.seedShaped(30, 800).writeTo(matrix, true);
        Path db = tmp.resolve("m.duckdb");
        assertEquals(0, CliRunner.run("load", matrix.toString(), "--db", db.toString(), "-q").exitCode());

        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection reader = DriverManager.getConnection("jdbc:duckdb:" + db, readOnly)) {
            ProcessResult sql = runProcess("sql", "--db", db.toString(), "--format", "tsv", "SELECT count(*) AS n FROM matrix");
            assertEquals(0, sql.exitCode(), sql.stderr());
            assertEquals("n\n800\n", sql.stdout());

            ProcessResult export = runProcess("export", "--db", db.toString(), "-o", tmp.resolve("out.txt").toString(), "-q");
            assertEquals(0, export.exitCode(), export.stderr());
            assertTrue(Files.size(tmp.resolve("out.txt")) > 0);

            long start = System.nanoTime();
            ProcessResult load = runProcess("load", matrix.toString(), "--db", db.toString(), "-q");
            assertEquals(1, load.exitCode());
            assertEquals("hapmatrix: " + db + ": database is in use by another process\n", load.stderr());
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(60), "the writer waited");

            // Still the same, complete database for its reader.
            var rows = reader.createStatement().executeQuery("SELECT count(*) FROM matrix");
            rows.next();
            assertEquals(800, rows.getLong(1));
        }
        try (var files = Files.list(tmp)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".building")), "a temporary database was left");
        }
    }
}
