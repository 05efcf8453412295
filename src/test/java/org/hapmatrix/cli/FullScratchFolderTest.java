package org.hapmatrix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.hapmatrix.testsupport.CliRunner;
import org.hapmatrix.testsupport.MatrixGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A --tmp-dir with no room (a real 64 KiB tmpfs, so root only): an export keeps its parts in
 * memory and needs none; a convert whose scratch database fills it fails with one line naming the
 * file, and nothing is left behind.
 */
class FullScratchFolderTest {
    @TempDir
    Path tmp;

    @Test
    void anExportNeedsNoScratchSpace() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting a small tmpfs needs root");
        Path matrix = tmp.resolve("m.txt");
        MatrixGenerator.seedShaped(9, 80_000).writeTo(matrix, true);
        Path db = tmp.resolve("m.duckdb");
        assertEquals(0, CliRunner.run("load", matrix.toString(), "--db", db.toString(), "-q").exitCode());
        Path expected = tmp.resolve("expected.txt");
        assertEquals(0, CliRunner.run("export", "--db", db.toString(), "-o", expected.toString(), "-q").exitCode());
        withSmallFolder(small -> {
            Path out = tmp.resolve("out.txt");
            CliRunner.Result result = CliRunner.run("export", "--db", db.toString(), "--tmp-dir", small.toString(),
                    "-o", out.toString(), "-q");
            assertEquals(0, result.exitCode(), result.toString());
            assertEquals(Files.readString(expected), Files.readString(out));
        });
    }

    @Test
    void aFullScratchDatabaseFailsWithOneLine() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting a small tmpfs needs root");
        Path matrix = tmp.resolve("m.txt");
        MatrixGenerator.seedShaped(9, 80_000).writeTo(matrix, true);
        withSmallFolder(small -> {
            Path out = tmp.resolve("out.txt"); // -r converts through a scratch database in --tmp-dir
            CliRunner.Result result = CliRunner.run("convert", matrix.toString(), "-r", "1", "--tmp-dir", small.toString(),
                    "-o", out.toString(), "-q");
            assertEquals(1, result.exitCode(), result.toString());
            assertTrue(Pattern.matches("hapmatrix: " + Pattern.quote(matrix.toString()) + ": load failed: .*"
                    + Pattern.quote(small.toString()) + "/.*No space left on device\\R", result.stderr()), result.stderr());
            assertFalse(Files.exists(out));
        });
    }

    /** Issue 21 item 16: a spill that finds --tmp-dir full says so, and does not send the user to --memory-limit. */
    @Test
    void aFullSpillFolderSaysSoAndNotRaiseTheMemoryLimit() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting a small tmpfs needs root");
        Path db = tmp.resolve("m.duckdb");
        Path matrix = tmp.resolve("m.txt");
        MatrixGenerator.seedShaped(9, 100).writeTo(matrix, true);
        assertEquals(0, CliRunner.run("load", matrix.toString(), "--db", db.toString(), "-q").exitCode());
        withSmallFolder(small -> {
            CliRunner.Result result = CliRunner.run("sql", "--db", db.toString(), "--memory-limit", "64MB",
                    "--tmp-dir", small.toString(),
                    "SELECT count(*) FROM (SELECT range, md5(range::VARCHAR) AS h FROM range(5000000) ORDER BY h)");
            assertEquals(1, result.exitCode(), result.toString());
            assertEquals(1, result.stderr().lines().count(), result.stderr());
            assertTrue(result.stderr().startsWith("hapmatrix: " + db + ": Out of Memory Error: failed to offload"), result.stderr());
            assertTrue(result.stderr().endsWith(" (the spill folder in --tmp-dir is full: free space there,"
                    + " or give --tmp-dir a folder on a larger disk)\n"), result.stderr());
            assertFalse(result.stderr().contains("memory-limit"), result.stderr());
        });
    }

    private interface InSmallFolder {
        void run(Path small) throws Exception;
    }

    /** Runs {@code test} with a 64 KiB tmpfs mounted, and checks that nothing is left in it. */
    private void withSmallFolder(InSmallFolder test) throws Exception {
        Path small = Files.createDirectory(tmp.resolve("small"));
        run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", small.toString());
        try {
            test.run(small);
            try (var files = Files.list(small)) {
                assertEquals(List.of(), files.toList());
            }
        } finally {
            // Lazy: a DuckDB thread of a failed run may still be closing its file there.
            run("umount", "-l", small.toString());
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        assertEquals(0, process.waitFor(), String.join(" ", command));
    }
}
