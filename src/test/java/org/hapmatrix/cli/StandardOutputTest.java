package org.hapmatrix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hapmatrix.testsupport.CliRunner;
import org.hapmatrix.testsupport.MatrixGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Standard output as a real file descriptor, in a separate JVM: a failed write (/dev/full) is an
 * error with exit code 1, and a reader that stops reading (a closed pipe, as with {@code | head -1})
 * ends the run quietly with exit code 141, as SIGPIPE ends bcftools.
 */
class StandardOutputTest {
    @TempDir
    Path tmp;

    private Path matrix;
    private Path db;

    @BeforeEach
    void loadAMatrixWhoseTableOutgrowsAPipeBuffer() {
        matrix = tmp.resolve("m.txt");
        MatrixGenerator.seedShaped(21, 4_000).writeTo(matrix, true);
        db = tmp.resolve("m.duckdb");
        assertEquals(0, CliRunner.run("load", matrix.toString(), "--db", db.toString(), "-q").exitCode());
    }

    @Test
    void aFullDeviceOnStdoutIsAnError() throws Exception {
        for (List<String> command : List.of(
                List.of("convert", matrix.toString(), "-q"),
                List.of("export", "--db", db.toString(), "-q"),
                List.of("sql", "--db", db.toString(), "SELECT * FROM matrix"),
                List.of("info", "--db", db.toString()))) {
            Process process = start(command, ProcessBuilder.Redirect.to(new File("/dev/full")));
            String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(120, TimeUnit.SECONDS));
            assertEquals(1, process.exitValue(), command + ": " + stderr);
            assertEquals("hapmatrix: <stdout>: write failed: No space left on device\n", stderr, command.toString());
        }
    }

    /** Help and version too, whether Main prints them itself (--help, -V alone) or picocli does. */
    @Test
    void aFullDeviceOnStdoutIsAnErrorForHelpAndVersion() throws Exception {
        for (List<String> command : List.of(List.of("--help"), List.of("-V"), List.of("--version"),
                List.of("convert", "--help"), List.of("help", "convert"), List.of("convert", "-V"))) {
            Process process = start(command, ProcessBuilder.Redirect.to(new File("/dev/full")));
            String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(120, TimeUnit.SECONDS));
            assertEquals(1, process.exitValue(), command + ": " + stderr);
            assertEquals("hapmatrix: <stdout>: write failed: No space left on device\n", stderr, command.toString());
        }
    }

    /** As -o - does, also -o /dev/stdout: a pipe opened by name. */
    @Test
    void aClosedPipeEndsTheRunQuietly() throws Exception {
        for (List<String> command : List.of(
                List.of("convert", matrix.toString(), "-q"),
                List.of("export", "--db", db.toString(), "-q"),
                List.of("convert", matrix.toString(), "-q", "-o", "/dev/stdout"),
                List.of("export", "--db", db.toString(), "-q", "-o", "/dev/stdout"),
                List.of("sql", "--db", db.toString(), "--format", "tsv", "SELECT * FROM matrix"))) {
            Process process = start(command, ProcessBuilder.Redirect.PIPE);
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                assertTrue(out.readLine().startsWith("contig\tpos\tref"), command.toString());
            } // closed after one line, as head -1 does
            String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(120, TimeUnit.SECONDS));
            assertEquals(141, process.exitValue(), command + ": " + stderr);
            assertEquals("", stderr, command.toString());
        }
    }

    private static Process start(List<String> args, ProcessBuilder.Redirect stdout) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectOutput(stdout).start();
        process.getOutputStream().close();
        return process;
    }
}
