package org.hapmatrix.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/** Usage errors worded for a person: which word was not understood, and what was probably meant. */
final class UsageErrors {
    /** picocli's words for an option given without its value (at the end, or before another option). */
    private static final Pattern VALUE_MISSING = Pattern.compile(
            "^(?:Missing required parameter|Expected parameter) for option '[^']*'.*?(?: but found '(.*)')?$", Pattern.DOTALL);

    private UsageErrors() {
    }

    /**
     * The message (without "hapmatrix: " and " (see --help)") for any error picocli finds in a
     * command line: its own wording where it is plain, else said in the terms of the messages
     * hapmatrix writes itself.
     */
    static String message(ParameterException error) {
        if (error instanceof UnmatchedArgumentException unmatched) {
            return unmatched(unmatched);
        }
        if (error instanceof MissingParameterException missing && !missing.getMissing().isEmpty()) {
            return missing(missing);
        }
        if (isUnknownHelpTopic(error)) {
            return unknownCommand(error.getValue(), error.getCommandLine().getCommandSpec());
        }
        String message = error.getMessage().replace('\n', ' ').strip();
        List<String> choices = choices(error.getArgSpec());
        if (error.getCause() instanceof TypeConversionException conversion && error.getValue() != null && !choices.isEmpty()
                && conversion.getMessage().startsWith("expected one of ")) {
            // picocli's own enum message, "expected one of [tbi, csi, none] (case-sensitive) but was 'xyz'"
            // (an option with a converter of its own keeps that converter's words)
            return message.replace(conversion.getMessage(), "'" + error.getValue() + "' is not one of " + String.join(", ", choices));
        }
        return message;
    }

    /**
     * An argument picocli could not place. An unknown option is named alone: the arguments after
     * it were misplaced because of it (picocli called {@code --fromat vcf M}'s matrix an unknown
     * option too). Suggestions are the command's own options or subcommands within a few typing
     * mistakes (picocli's own only look at the first two letters, so {@code --fromat} got none).
     */
    static String unmatched(UnmatchedArgumentException error) {
        List<String> unmatched = error.getUnmatched();
        CommandSpec command = error.getCommandLine().getCommandSpec();
        // A word where a command was expected is the mistake; after a command, the first unknown option is.
        boolean commandExpected = !command.subcommands().isEmpty() && !looksLikeAnOption(unmatched.get(0));
        String first = commandExpected ? unmatched.get(0)
                : unmatched.stream().filter(UsageErrors::looksLikeAnOption).findFirst().orElse(unmatched.get(0));
        if (commandExpected) {
            return unknownCommand(first, command);
        }
        String what;
        List<String> candidates;
        if (looksLikeAnOption(first)) {
            what = "unknown option '" + first + "' for " + command.qualifiedName();
            candidates = command.options().stream().filter(option -> !option.hidden())
                    .flatMap(option -> List.of(option.names()).stream()).toList();
        } else {
            what = "unexpected argument '" + first + "' for " + command.qualifiedName();
            candidates = List.of();
        }
        String word = first.contains("=") && looksLikeAnOption(first) ? first.substring(0, first.indexOf('=')) : first;
        List<String> suggestions = closest(word, candidates);
        return suggestions.isEmpty() ? what : what + "; " + didYouMean(suggestions);
    }

    /** A word where a command was expected: the commands it may be a typing mistake for, or else all of them. */
    private static String unknownCommand(String word, CommandSpec command) {
        List<String> commands = command.subcommands().entrySet().stream()
                .filter(entry -> !entry.getValue().getCommandSpec().usageMessage().hidden())
                .map(java.util.Map.Entry::getKey).distinct().toList();
        List<String> suggestions = closest(word, commands);
        return "unknown command '" + word + "'; "
                + (suggestions.isEmpty() ? "the commands are: " + String.join(", ", commands) : didYouMean(suggestions));
    }

    private static String didYouMean(List<String> suggestions) {
        return "did you mean " + suggestions.stream().map(s -> "'" + s + "'").collect(Collectors.joining(" or ")) + "?";
    }

    /** {@code help WORD} for no command WORD: picocli's HelpCommand throws a bare ParameterException naming it. */
    private static boolean isUnknownHelpTopic(ParameterException error) {
        return error.getClass() == ParameterException.class && error.getArgSpec() == null && error.getValue() != null
                && error.getMessage().startsWith("Unknown subcommand '") && !error.getCommandLine().getSubcommands().isEmpty();
    }

    /**
     * A required argument or option not given ({@code missing argument MATRIX for hapmatrix convert}), or
     * an option given without its value ({@code option '--output' needs a value (OUT)}).
     */
    private static String missing(MissingParameterException error) {
        List<ArgSpec> missing = error.getMissing();
        Matcher valueMissing = VALUE_MISSING.matcher(error.getMessage());
        if (missing.size() == 1 && missing.get(0) instanceof OptionSpec option && valueMissing.matches()) {
            String found = valueMissing.group(1);
            return "option '" + option.longestName() + "' needs a value (" + option.paramLabel() + ")"
                    + (found == null ? "" : ", found the option '" + found + "'");
        }
        // Arguments of one exclusive group are alternatives (sql's QUERY or -f FILE): named together.
        List<String> named = new ArrayList<>();
        List<ArgGroupSpec> groupsNamed = new ArrayList<>();
        for (ArgSpec arg : missing) {
            ArgGroupSpec group = arg.group();
            if (group != null && group.exclusive()) {
                if (!groupsNamed.contains(group)) {
                    groupsNamed.add(group);
                    named.add(group.args().stream().map(UsageErrors::describe).collect(Collectors.joining(" or ")));
                }
            } else {
                named.add(describe(arg));
            }
        }
        return "missing " + String.join(" and ", named) + " for " + error.getCommandLine().getCommandSpec().qualifiedName();
    }

    private static String describe(ArgSpec arg) {
        return arg instanceof OptionSpec option ? "option " + option.longestName() + " " + option.paramLabel()
                : "argument " + arg.paramLabel();
    }

    /** The values an argument takes when they are a fixed list (an enum's), else none. */
    private static List<String> choices(ArgSpec arg) {
        if (arg == null || arg.completionCandidates() == null) {
            return List.of();
        }
        Class<?> type = arg.auxiliaryTypes().length > 0 ? arg.auxiliaryTypes()[0] : arg.type();
        if (!type.isEnum()) {
            return List.of();
        }
        return StreamSupport.stream(arg.completionCandidates().spliterator(), false).toList();
    }

    /** The candidates at most a third of the word's length of typing mistakes away (at least one), closest first. */
    static List<String> closest(String word, Collection<String> candidates) {
        int allowed = Math.max(1, word.replaceFirst("^-+", "").length() / 3);
        return candidates.stream().distinct()
                .filter(candidate -> distance(word, candidate) <= allowed)
                .sorted(Comparator.comparingInt((String candidate) -> distance(word, candidate)).thenComparing(c -> c))
                .limit(3).toList();
    }

    /** Edits (insert, delete, replace, swap two neighbours) that turn a into b: optimal string alignment distance. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static boolean looksLikeAnOption(String argument) {
        return argument.length() > 1 && argument.startsWith("-") && !argument.matches("-\\d.*");
    }
}
