package org.hapmatrix.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the htslib tools (bgzip, tabix) the users index their matrices with, with a bounded wait. */
public final class ExternalTools {
    private ExternalTools() {
    }

    public record Run(int exitCode, String output) {
    }

    /** Runs {@code command} in {@code directory}, stdout and stderr together; fails the test after 120 s. */
    public static Run run(Path directory, String... command) {
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + ": still running after 120 s");
            }
            return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(command[0] + " cannot run (scripts/install-tools installs it): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Runs {@code command} and fails the test unless it exits 0. */
    public static String succeed(Path directory, String... command) {
        Run run = run(directory, command);
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
}
