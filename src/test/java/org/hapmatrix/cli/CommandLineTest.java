package org.hapmatrix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.hapmatrix.Version;
import org.hapmatrix.testsupport.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command-line surface scripts depend on: command names, --help, --version, usage exit codes. */
class CommandLineTest {
    @ParameterizedTest
    @ValueSource(strings = {"convert", "load", "export", "sql", "info", "stats", "contigs", "concat"})
    void everyCommandHasHelpAndVersion(String command) {
        CliRunner.Result help = CliRunner.run(command, "--help");
        assertEquals(0, help.exitCode(), help.toString());
        assertTrue(help.out().startsWith("Usage: hapmatrix " + command), help.out());

        CliRunner.Result version = CliRunner.run(command, "--version");
        assertEquals(0, version.exitCode(), version.toString());
        assertTrue(version.out().startsWith("hapmatrix " + org.hapmatrix.Version.number() + " (commit "), version.out());
    }

    @Test
    void theTopCommandListsTheSubcommands() {
        CliRunner.Result help = CliRunner.run("--help");
        assertEquals(0, help.exitCode());
        // Only a command line that names a subcommand registers that one alone (Main.commandLine).
        for (String command : new String[] {"convert", "load", "export", "sql", "info", "stats", "contigs", "concat"}) {
            assertTrue(help.out().contains("  " + command + " ") || help.out().contains("  " + command + "\n"), help.out());
        }
    }

    @Test
    void noCommandOrAnUnknownOptionIsAUsageErrorOnOneLine() {
        CliRunner.Result unknown = CliRunner.run("convert", "m.txt", "--frobnicate");
        assertEquals(2, unknown.exitCode());
        assertEquals("hapmatrix: unknown option '--frobnicate' for hapmatrix convert (see --help)\n", unknown.stderr());

        CliRunner.Result missing = CliRunner.run("export");
        assertEquals(2, missing.exitCode());
        assertEquals("hapmatrix: missing option --db FILE for hapmatrix export (see --help)\n", missing.stderr());
    }
}
