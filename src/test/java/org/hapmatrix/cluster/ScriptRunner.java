package org.hapmatrix.cluster;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a workflow command (snakemake, a test script) with its output in a log file and a hard time limit. */
final class ScriptRunner {
    static final Path PROJECT = Path.of("").toAbsolutePath();
    static final Path LAUNCHER = PROJECT.resolve("target/hapmatrix");

    record Outcome(int exitCode, String log) {
    }

    private ScriptRunner() {
    }

    /**
     * Runs {@code command} in {@code directory}; after {@code limitSeconds} it is sent TERM (its
     * traps clean up), then KILL 30 s later, and the test fails.
     */
    static Outcome run(Path directory, long limitSeconds, Map<String, String> environment, List<String> command)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile(directory, "run", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(new File("/dev/null"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(limitSeconds, TimeUnit.SECONDS)) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            throw new AssertionError(String.join(" ", command) + ": no end after " + limitSeconds + " s; log:\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Outcome(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
