package org.hapmatrix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * Help text wraps between words only (issue 20): rendered at a usual width, every command's help
 * holds the same words as rendered on one line per paragraph, so no line break fell inside a
 * name, an extension (.vcf.gz) or a list (NAME=A,B); and no line is wider than asked.
 */
class HelpWrappingTest {
    private static final int UNWRAPPED = 10_000;

    @ParameterizedTest
    @ValueSource(ints = {60, 80, 120})
    void everyCommandsHelpBreaksLinesOnlyBetweenWords(int width) {
        List<String> commands = new ArrayList<>(List.of(""));
        for (Class<?> subcommand : HapmatrixCommand.SUBCOMMANDS) {
            commands.add(subcommand.getAnnotation(CommandLine.Command.class).name());
        }
        commands.add("help");
        for (String command : commands) {
            String wrapped = help(command, width);
            List<String> words = words(help(command, UNWRAPPED));
            assertEquals(List.of(), firstDifference(words, words(wrapped)), "'" + command + "' at width " + width + ":\n" + wrapped);
            for (String line : wrapped.lines().toList()) {
                assertTrue(line.length() <= width, "'" + command + "' at width " + width + ", too wide: " + line);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {60, 80, 120})
    void extensionsAndListsStayWholeOnTheirLine(int width) {
        String convert = help("convert", width);
        for (String token : List.of(".vcf.gz", ".vcf.bgz", "--pair=NAME=A,B")) {
            assertTrue(convert.contains(token), token + " split at width " + width + ":\n" + convert);
        }
    }

    /** A command's usage help ("" for the top command) at {@code width} columns. */
    private static String help(String command, int width) {
        CommandLine commandLine = command.isEmpty() ? Main.commandLine() : Main.commandLine(command);
        commandLine.setUsageHelpWidth(width);
        CommandLine target = command.isEmpty() ? commandLine : commandLine.getSubcommands().get(command);
        return target.getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    /** Where two word lists first differ: the expected word and the one found there; empty when equal. */
    private static List<String> firstDifference(List<String> expected, List<String> actual) {
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            String want = i < expected.size() ? expected.get(i) : "(end)";
            String got = i < actual.size() ? actual.get(i) : "(end)";
            if (!want.equals(got)) {
                return List.of("word " + i + ": expected " + want, "found " + got);
            }
        }
        return List.of();
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.strip().split("\\s+")).toList();
    }
}
