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
 * A --tmp-dir that fills up during the export (a real 64 KiB tmpfs, so root only): the error names
 * the folder of the part file that could not be written, and nothing is left behind.
 */
class FullScratchFolderTest {
    @TempDir
    Path tmp;

    @Test
    void aFailedPartFileWriteNamesItsFolder() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting a small tmpfs needs root");
        Path matrix = tmp.resolve("m.txt");
        MatrixGenerator.seedShaped(9, 8_000).writeTo(matrix, true);
        Path db = tmp.resolve("m.duckdb");
        assertEquals(0, CliRunner.run("load", matrix.toString(), "--db", db.toString(), "-q").exitCode());
        Path small = Files.createDirectory(tmp.resolve("small"));
        run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", small.toString());
        try {
            Path out = tmp.resolve("out.txt");
            CliRunner.Result result = CliRunner.run("export", "--db", db.toString(), "--tmp-dir", small.toString(),
                    "-o", out.toString(), "-q");
            assertEquals(1, result.exitCode(), result.toString());
            assertTrue(Pattern.matches("hapmatrix: " + Pattern.quote(small.toString())
                    + "/hapmatrix-parts\\.hm-[^/]+: writing a part file failed: No space left on device\\R",
                    result.stderr()), result.stderr());
            assertFalse(Files.exists(out));
            try (var files = Files.list(small)) {
                assertEquals(List.of(), files.toList());
            }
        } finally {
            // Lazy: a worker thread of the failed export may still be closing its part file there.
            run("umount", "-l", small.toString());
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        assertEquals(0, process.waitFor(), String.join(" ", command));
    }
}
