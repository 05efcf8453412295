package org.hapmatrix.testsupport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hapmatrix.cli.Main;
import picocli.CommandLine;

/** Runs a hapmatrix command line in this JVM, capturing stdout, stderr and the exit code. */
public final class CliRunner {
    private CliRunner() {
    }

    public record Result(int exitCode, byte[] stdout, String stderr) {
        public String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "exit " + exitCode + ", stderr: " + stderr;
        }
    }

    /**
     * The command line that runs hapmatrix in a JVM of its own (Main, this test run's class
     * path), with {@code jvmOptions}: for a test that kills it or limits its heap.
     */
    public static List<String> separateJvm(List<String> jvmOptions, List<String> args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/java.nio=ALL-UNNAMED"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        return command;
    }

    public static Result run(String... args) {
        return runWithInput(new byte[0], args);
    }

    /** Runs with {@code stdin} as standard input (for MATRIX = -). */
    public static Result runWithInput(byte[] stdin, String... args) {
        return runWithInput(new ByteArrayInputStream(stdin), args);
    }

    /** Runs with {@code stdin} as standard input: a real pipe from a process, say. */
    public static synchronized Result runWithInput(InputStream stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        InputStream originalIn = System.in;
        PrintStream capturedOut = new PrintStream(out, true, StandardCharsets.UTF_8);
        try {
            System.setOut(capturedOut);
            System.setIn(stdin);
            CommandLine commandLine = Main.commandLine(args);
            commandLine.setOut(new PrintWriter(capturedOut, true, StandardCharsets.UTF_8));
            commandLine.setErr(new PrintWriter(new PrintStream(err, true, StandardCharsets.UTF_8), true));
            int exitCode = commandLine.execute(args);
            capturedOut.flush();
            return new Result(exitCode, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setIn(originalIn);
        }
    }
}
