package org.hapmatrix.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/**
 * The top command: names the subcommands and nothing else. Not runnable, so picocli itself
 * reports a missing subcommand; --help and --version are inherited by every subcommand.
 */
@Command(name = "hapmatrix",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Genome matrix to phased haplotype table, through an embedded DuckDB database.",
        synopsisSubcommandLabel = "COMMAND")
public final class HapmatrixCommand {
    /** The subcommands, in help order; {@link Main} registers them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(ConvertCommand.class, LoadCommand.class, ExportCommand.class,
            SqlCommand.class, InfoCommand.class, StatsCommand.class, ContigsCommand.class, ConcatCommand.class);
}
