package org.hapmatrix.cli;

import picocli.CommandLine.Command;

/** The top command: lists the subcommands and nothing else. */
@Command(name = "hapmatrix",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Genome matrix to phased haplotype table, through an embedded DuckDB database.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {ConvertCommand.class, LoadCommand.class, ExportCommand.class, SqlCommand.class, InfoCommand.class,
                ContigsCommand.class, ConcatCommand.class})
public final class HapmatrixCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing command");
    }
}
