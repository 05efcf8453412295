package org.hapmatrix.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The top command: names the subcommands. Run without one, it prints its usage (the command
 * list) to stderr as a usage error, as bcftools does; --help and --version are inherited by
 * every subcommand. Option texts that differ by command are in OptionTexts.properties.
 */
@Command(name = "hapmatrix",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        resourceBundle = "org.hapmatrix.cli.OptionTexts",
        description = "Genome matrix to phased haplotype table, through an embedded DuckDB database.",
        synopsisSubcommandLabel = "COMMAND",
        abbreviateSynopsis = true,
        footer = {"", "Run 'hapmatrix help COMMAND' or 'hapmatrix COMMAND --help' for a command's options; 'man hapmatrix-COMMAND' where the man pages are installed."})
public final class HapmatrixCommand implements Callable<Integer> {
    /** The subcommands, in help order; {@link Main} registers them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(ConvertCommand.class, LoadCommand.class, ExportCommand.class,
            SqlCommand.class, InfoCommand.class, StatsCommand.class, ContigsCommand.class, ConcatCommand.class);

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }
}
