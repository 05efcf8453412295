package org.hapmatrix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hapmatrix.testsupport.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a first-time user meets (issue 20): the command list when no command is given, help for
 * a command, suggestions for typing mistakes, and option help written for each command.
 */
class HelpfulCommandLineTest {
    private static final List<String> COMMANDS = List.of("convert", "load", "export", "sql", "info", "stats", "contigs", "concat");

    @Test
    void noCommandPrintsTheCommandListToStderrAsAUsageError() {
        CliRunner.Result none = CliRunner.run();
        assertEquals(2, none.exitCode());
        assertEquals("", none.out());
        assertTrue(none.stderr().startsWith("Usage: hapmatrix [OPTIONS] COMMAND\n"), none.stderr());
        for (String command : COMMANDS) {
            assertTrue(none.stderr().contains("\n  " + command + " "), command + " missing from: " + none.stderr());
        }
        assertTrue(none.stderr().contains("\n  help "), none.stderr());
    }

    @Test
    void helpCommandPrintsTheNamedCommandsHelp() {
        for (String command : COMMANDS) {
            CliRunner.Result help = CliRunner.run("help", command);
            assertEquals(0, help.exitCode(), help.toString());
            assertEquals(CliRunner.run(command, "--help").out(), help.out());
        }
        CliRunner.Result top = CliRunner.run("help");
        assertEquals(0, top.exitCode(), top.toString());
        assertTrue(top.out().startsWith("Usage: hapmatrix [OPTIONS] COMMAND\n"), top.out());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "conver x|unknown command 'conver'; did you mean 'convert'?",
        "exprot --db d|unknown command 'exprot'; did you mean 'export'?",
        "frobnicate|unknown command 'frobnicate'; the commands are: convert, load, export, sql, info, stats, contigs, concat, help",
        "convert --fromat vcf M|unknown option '--fromat' for hapmatrix convert; did you mean '--format'?",
        "convert M --fromat=vcf|unknown option '--fromat=vcf' for hapmatrix convert; did you mean '--format'?",
        "convert M --treads 2|unknown option '--treads' for hapmatrix convert; did you mean '--threads'?",
        "load M --db d --contig c|unknown option '--contig' for hapmatrix load; did you mean '--contigs'?",
        "info --db d --frobnicate|unknown option '--frobnicate' for hapmatrix info",
    })
    void mistypedCommandsAndOptionsAreNamedWithSuggestions(String commandLine, String message) {
        CliRunner.Result result = CliRunner.run(commandLine.split(" "));
        assertEquals(2, result.exitCode(), result.toString());
        assertEquals("hapmatrix: " + message + " (see --help)\n", result.stderr());
    }

    /**
     * picocli's own usage errors read as the documented form (docs/errors.md): one line,
     * {@code hapmatrix: MESSAGE (see --help)}, exit 2, in plain words (picocli wrote "Unknown
     * subcommand 'x'.", "Error: Missing required argument (specify one of these): (QUERY | -f=FILE)",
     * "expected one of [tbi, csi, none] (case-sensitive) but was 'xyz'").
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "help frobnicate|unknown command 'frobnicate'; the commands are: convert, load, export, sql, info, stats, contigs, concat, help",
        "help exprot|unknown command 'exprot'; did you mean 'export'?",
        "convert|missing argument MATRIX for hapmatrix convert",
        "load --db d|missing argument MATRIX for hapmatrix load",
        "export|missing option --db FILE for hapmatrix export",
        "sql --db d|missing argument QUERY or option --file FILE for hapmatrix sql",
        "concat|missing argument PART for hapmatrix concat",
        "convert M -o out.vcf.gz --index xyz|Invalid value for option '--index': 'xyz' is not one of tbi, csi, none",
        "export --db d --index TBI|Invalid value for option '--index': 'TBI' is not one of tbi, csi, none",
        "convert M --gaps xyz|Invalid value for option '--gaps': 'xyz' is not one of star, deletion, missing",
        "convert M --missing xyz|Invalid value for option '--missing': 'xyz' is not one of ref, dot",
        "convert M --alt-from xyz|Invalid value for option '--alt-from': 'xyz' is not one of all, selected",
        "sql --db d --format xyz Q|Invalid value for option '--format': 'xyz' is not one of table, tsv, csv, json",
        "stats --db d --format xyz|Invalid value for option '--format': 'xyz' is not a stats format: expected tsv or json",
        "convert M --format xyz|Invalid value for option '--format': 'xyz' is not a format: expected tsv, vcf, bcf or phase-extender",
        "convert M --threads 0|Invalid value for option '--threads': must be at least 1, not 0",
        "convert M -o|option '--output' needs a value (OUT)",
        "export --db|option '--db' needs a value (FILE)",
        "convert M -o --threads 2|option '--output' needs a value (OUT), found the option '--threads'",
        "convert M --frobnicate|unknown option '--frobnicate' for hapmatrix convert",
        "convert M N|unexpected argument 'N' for hapmatrix convert",
        "convert M --format vcf --format tsv|option '--format' (FORMAT) should be specified only once",
    })
    void picocliUsageErrorsReadLikeTheDocumentedForm(String commandLine, String message) {
        CliRunner.Result result = CliRunner.run(commandLine.split(" "));
        assertEquals(2, result.exitCode(), result.toString());
        assertEquals("", result.out());
        assertEquals("hapmatrix: " + message + " (see --help)\n", result.stderr());
    }

    @Test
    void optionHelpIsWrittenForEachCommand() {
        assertFalse(optionHelp("load", "--contigs").contains("output"), optionHelp("load", "--contigs"));
        assertTrue(optionHelp("convert", "--contigs").contains("output keeps the matrix's contig order"));
        for (String command : List.of("sql", "info", "load", "export")) {
            String tmpDir = optionHelp(command, "--tmp-dir");
            assertTrue(tmpDir.contains("spill"), command + ": " + tmpDir);
            assertFalse(tmpDir.contains("part"), command + ": " + tmpDir);
        }
        assertTrue(optionHelp("convert", "--tmp-dir").contains("temporary database"));
        assertTrue(optionHelp("load", "--db").contains("to write"), optionHelp("load", "--db"));
        assertTrue(optionHelp("export", "--db").contains("made by load or convert --db"), optionHelp("export", "--db"));
    }

    /** An option's help text in {@code command --help}, its wrapped lines joined. */
    private static String optionHelp(String command, String option) {
        List<String> lines = CliRunner.run(command, "--help").out().lines().toList();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("\\s*(-\\w, )?" + option + "[= ].*")) {
                text.append(lines.get(i).strip());
                for (int j = i + 1; j < lines.size() && lines.get(j).startsWith("                              "); j++) {
                    text.append(' ').append(lines.get(j).strip());
                }
                return text.toString();
            }
        }
        throw new AssertionError(command + " --help has no " + option);
    }
}
