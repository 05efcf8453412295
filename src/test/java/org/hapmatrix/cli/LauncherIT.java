package org.hapmatrix.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged command, target/hapmatrix, run as a user runs it (after {@code mvn package}):
 * the table on stdout and nothing but the summary line on stderr, also when installed in
 * another folder (whose name has spaces, and where the class-data archive copied from target/
 * does not apply: the launcher writes one for that folder), reached through a symlink, or
 * without its class list (so without an archive).
 */
class LauncherIT {
    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final String SUMMARY = "hapmatrix: 20000 sites read, 9951 written, 3 contig(s), 15 pair(s), ";

    @TempDir
    Path tmp;

    private record Run(int exitCode, byte[] stdout, String stderr) {
    }

    @Test
    void writesTheGoldenTableToStdoutAndOnlyTheSummaryToStderr() throws Exception {
        assertGoldenRun(run(TARGET.resolve("hapmatrix")));
    }

    @Test
    void runsFromAnotherFolderWithSpacesInItsName() throws Exception {
        // The archive copied from target/ is valid there only: the launcher writes one for here, silently.
        Path installed = install(tmp.resolve("tools with spaces"));
        assertGoldenRun(run(installed.resolve("hapmatrix")));
        assertTrue(Files.readString(installed.resolve("hapmatrix.jsa.for")).strip().endsWith(" " + installed.toRealPath()),
                Files.readString(installed.resolve("hapmatrix.jsa.for")));
        assertGoldenRun(run(installed.resolve("hapmatrix")));
    }

    /**
     * Where the java can (asked once, when the archive is written), the archive is mapped where
     * it was dumped: no relocation of its pointers at every start (bench/RESULTS.md).
     */
    @Test
    void mapsItsArchiveWithoutRelocatingIt() throws Exception {
        Path installed = install(tmp.resolve("unrelocated"));
        ProcessBuilder launch = new ProcessBuilder(installed.resolve("hapmatrix").toString(), "--version")
                .redirectErrorStream(true);
        launch.environment().put("HAPMATRIX_JAVA_OPTS", "-Xlog:cds=info:stdout");
        Process process = launch.start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), log);
        assertTrue(Files.exists(installed.resolve("hapmatrix.jsa.unrelocated")), "the java was asked");
        assertTrue(log.contains("Mapped static  region #0 at base 0x0000000800000000"), log);
        assertFalse(log.contains("alternative address"), log);
    }

    @Test
    void runsThroughARelativeSymlinkFromAnotherFolder() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path link = Files.createSymbolicLink(bin.resolve("hapmatrix"), bin.relativize(TARGET.resolve("hapmatrix")));
        assertGoldenRun(run(link));
    }

    @Test
    void runsWithoutItsClassDataArchive() throws Exception {
        Path installed = install(tmp.resolve("tools"));
        Files.delete(installed.resolve("hapmatrix.classlist"));
        Files.deleteIfExists(installed.resolve("hapmatrix.jsa"));
        assertGoldenRun(run(installed.resolve("hapmatrix")));
        assertFalse(Files.exists(installed.resolve("hapmatrix.jsa")));
    }

    private static void assertGoldenRun(Run run) throws IOException {
        assertEquals(0, run.exitCode(), run.stderr());
        assertArrayEquals(Files.readAllBytes(GoldenTest.GOLDEN.resolve("small_expected.txt")), run.stdout());
        assertTrue(run.stderr().startsWith(SUMMARY) && run.stderr().endsWith(" s\n") && run.stderr().lines().count() == 1,
                "stderr should be the summary line alone, was: " + run.stderr());
    }

    /**
     * Copies the launcher, the jar, its class list, the archive and its record if target/ has
     * them, and DuckDB's native libraries into {@code folder}.
     */
    private static Path install(Path folder) throws IOException {
        Files.createDirectories(folder);
        List<Path> files = new ArrayList<>(List.of(TARGET.resolve("hapmatrix"), TARGET.resolve("hapmatrix.jar"),
                TARGET.resolve("hapmatrix.classlist")));
        for (String archive : List.of("hapmatrix.jsa", "hapmatrix.jsa.for")) {
            if (Files.exists(TARGET.resolve(archive))) {
                files.add(TARGET.resolve(archive));
            }
        }
        try (DirectoryStream<Path> natives = Files.newDirectoryStream(TARGET, "libduckdb_java.so_*")) {
            natives.forEach(files::add);
        }
        for (Path file : files) {
            Files.copy(file, folder.resolve(file.getFileName()));
        }
        assertTrue(folder.resolve("hapmatrix").toFile().setExecutable(true));
        return folder;
    }

    private Run run(Path launcher) throws Exception {
        Path stdout = tmp.resolve("stdout");
        Path stderr = tmp.resolve("stderr");
        Process process = new ProcessBuilder(launcher.toString(), "convert", GoldenTest.MATRIX, "--header", GoldenTest.HEADER)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        int exitCode = process.waitFor();
        return new Run(exitCode, Files.readAllBytes(stdout), Files.readString(stderr, StandardCharsets.UTF_8));
    }
}
