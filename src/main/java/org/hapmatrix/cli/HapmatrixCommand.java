package org.hapmatrix.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/**
 * The top command: lists the subcommands and nothing else. Not runnable, so picocli itself
 * reports a missing subcommand; --help and --version are inherited by every subcommand.
 */
@Command(name = "hapmatrix",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Genome matrix to phased haplotype table, through an embedded DuckDB database.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {ConvertCommand.class, LoadCommand.class, ExportCommand.class, SqlCommand.class, InfoCommand.class,
                ContigsCommand.class, ConcatCommand.class})
public final class HapmatrixCommand {
}
