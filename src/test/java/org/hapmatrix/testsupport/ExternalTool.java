package org.hapmatrix.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a real tool (bcftools, tabix, bgzip, snakemake ...) on hapmatrix's input or output and
 * captures what it prints, with a bounded wait: the tests' one external-process runner.
 */
public final class ExternalTool {
    private static final long TIMEOUT_SECONDS = 300;

    private ExternalTool() {
    }

    public record Result(int exitCode, String stdout, String stderr) {
        /** Standard output, then standard error. */
        public String output() {
            return stdout + stderr;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + ", stderr: " + stderr;
        }
    }

    /**
     * Runs {@code command} in {@code directory} with no standard input (stdout and stderr into
     * files, so neither pipe can fill up and block); fails the test if it runs over 300 s or
     * cannot start.
     */
    public static Result run(Path directory, String... command) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("hapmatrix-test-tool", ".out");
            err = Files.createTempFile("hapmatrix-test-tool", ".err");
            Process process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + ": still running after " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(command[0] + " cannot run (scripts/install-tools installs it): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    /** Runs {@code command} and fails the test unless it exits 0; returns its standard output and error. */
    public static String succeed(Path directory, String... command) {
        Result run = run(directory, command);
        if (run.exitCode() != 0) {
            throw new AssertionError(String.join(" ", command) + " exited " + run.exitCode() + ": " + run.output());
        }
        return run.output();
    }

    /** {@code bgzip -k FILE} and {@code tabix -s1 -b2 -e2 -S<skip> FILE.gz}; returns FILE.gz. */
    public static Path bgzipAndIndex(Path plain, int headerLines) {
        Path directory = plain.getParent();
        String name = plain.getFileName().toString();
        succeed(directory, "bgzip", "-kf", name);
        succeed(directory, "tabix", "-f", "-s1", "-b2", "-e2", "-S" + headerLines, name + ".gz");
        return directory.resolve(name + ".gz");
    }

    public static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file of the test's own; nothing depends on it
            }
        }
    }
}
