package org.hapmatrix.cli;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.UnmatchedArgumentException;

/** Usage errors worded for a person: which word was not understood, and what was probably meant. */
final class UsageErrors {
    private UsageErrors() {
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
        String what;
        List<String> candidates;
        if (looksLikeAnOption(first)) {
            what = "unknown option '" + first + "' for " + command.qualifiedName();
            candidates = command.options().stream().filter(option -> !option.hidden())
                    .flatMap(option -> List.of(option.names()).stream()).toList();
        } else if (!commandExpected) {
            what = "unexpected argument '" + first + "' for " + command.qualifiedName();
            candidates = List.of();
        } else {
            what = "unknown command '" + first + "'";
            candidates = List.copyOf(command.subcommands().keySet());
        }
        String word = first.contains("=") && looksLikeAnOption(first) ? first.substring(0, first.indexOf('=')) : first;
        List<String> suggestions = closest(word, candidates);
        return suggestions.isEmpty() ? what : what + "; did you mean " + suggestions.stream().map(s -> "'" + s + "'")
                .collect(Collectors.joining(" or ")) + "?";
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
