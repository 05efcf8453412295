package org.hapmatrix.cli;

import picocli.CommandLine.Option;

/** Options every command has: how talkative it is on stderr. */
public final class CommonOptions {
    @Option(names = {"-q", "--quiet"}, description = "No progress and no summary on stderr; errors only.")
    boolean quiet;

    @Option(names = "--debug", description = "On failure, also print the stack trace.")
    boolean debug;
}
