package org.hapmatrix.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code console} block of README.md and docs/*.md, run as a reader runs it: each command
 * with bash, in a folder where {@code target/} and {@code testdata/} are this checkout's, after the
 * commands before it in the same file; stdout and stderr together must be the block's text.
 */
class DocsConsoleExamplesIT {
    private static final Path ROOT = Path.of("").toAbsolutePath();

    @TempDir
    Path tmp;

    @TestFactory
    List<DynamicTest> everyConsoleBlockPrintsWhatItShows() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : MarkdownDocs.files(ROOT)) {
            List<MarkdownDocs.ConsoleCommand> commands = MarkdownDocs.consoleCommands(file);
            if (commands.isEmpty()) {
                continue;
            }
            Path folder = Files.createDirectories(tmp.resolve(file.getFileName().toString()));
            Files.createSymbolicLink(folder.resolve("target"), ROOT.resolve("target"));
            Files.createSymbolicLink(folder.resolve("testdata"), ROOT.resolve("testdata"));
            // One test per file: its commands build on each other (a load, then queries).
            tests.add(DynamicTest.dynamicTest(ROOT.relativize(file).toString(), () -> {
                for (MarkdownDocs.ConsoleCommand command : commands) {
                    String where = ROOT.relativize(file) + ":" + command.line() + ": " + command.command();
                    assertEquals(command.expectedOutput(), run(folder, command.command()), where);
                }
            }));
        }
        assertFalse(tests.isEmpty(), "no console block found");
        return tests;
    }

    private static String run(Path folder, String command) throws Exception {
        Path output = Files.createTempFile(folder.getParent(), "console", ".out");
        Process process = new ProcessBuilder("bash", "-c", command).directory(folder.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("still running after 2 minutes: " + command);
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        Files.delete(output);
        return printed;
    }
}
