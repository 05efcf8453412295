package org.hapmatrix.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs a real downstream tool (bcftools, tabix) on hapmatrix's output and captures what it prints. */
public final class ExternalTool {
    private ExternalTool() {
    }

    public record Result(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + ", stderr: " + stderr;
        }
    }

    /** Runs {@code command} (stdout and stderr into files, so neither pipe can fill up and block). */
    public static Result run(Path scratch, String... command) {
        try {
            Path out = Files.createTempFile(scratch, "tool", ".out");
            Path err = Files.createTempFile(scratch, "tool", ".err");
            Process process = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            int exitCode = process.waitFor();
            Result result = new Result(exitCode, Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(String.join(" ", List.of(command)), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
