package org.hapmatrix.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hapmatrix.app.stats.StatsFigures;
import org.hapmatrix.app.stats.StatsFormat;
import org.hapmatrix.app.stats.StatsReport;
import org.hapmatrix.io.OutputTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/** {@code stats}: figures about a loaded database or a matrix, as TSV/JSON sections and an HTML report. */
@Command(name = "stats",
        description = "Per-sample missingness, per-pair differences, per-contig counts, ALT allele counts and the AC spectrum"
                + " of a database (--db) or a matrix; sections as TSV or JSON, and with --html a report with charts.",
        modelTransformer = StatsCommand.WithoutRegions.class)
final class StatsCommand extends DatabaseCommand {
    private static final Pattern PLAIN_ARGUMENT = Pattern.compile("[A-Za-z0-9_./:=,@%+-]+");

    @Parameters(index = "0", arity = "0..1", paramLabel = "MATRIX",
            description = "A matrix to load into a scratch database first (as convert does); - reads stdin. Or give --db.")
    String matrix;

    @Option(names = "--header", paramLabel = "FILE", description = "Column names of MATRIX, one tab-separated line.")
    Path headerFile;

    @Option(names = "--db", paramLabel = "FILE", description = "The DuckDB database file (made by load or convert --db).")
    Path database;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "Where the sections go; - or absent: stdout; a name ending in .gz is gzip-compressed.")
    String output;

    @Option(names = "--format", paramLabel = "tsv|json", converter = FormatConverter.class,
            description = "Sections as TSV, bcftools-stats style (default), or one JSON document.")
    StatsFormat format = StatsFormat.tsv;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write a self-contained HTML report with charts to FILE.")
    String html;

    @Option(names = "--window", paramLabel = "BP", converter = WindowConverter.class,
            description = "Width of the pair-difference windows in positions (default: 1, 2 or 5 x 10^k, at most ~100 windows on the longest contig).")
    long window;

    @Mixin
    SelectionOptions selection;

    @Override
    public Integer call() {
        if ((matrix == null) == (database == null)) {
            throw new ParameterException(spec.commandLine(), "give either a MATRIX or --db FILE");
        }
        if (headerFile != null && matrix == null) {
            throw new ParameterException(spec.commandLine(), "--header goes with a MATRIX, not with --db");
        }
        Map<String, Path> inputs = new LinkedHashMap<>(selection.inputFiles());
        inputs.put("database", database);
        inputs.putAll(MatrixInputOptions.inputFiles(matrix, headerFile));
        OutputTarget.requireNotAnInput(output, inputs);
        OutputTarget.requireNotAnInput(html, inputs);
        boolean sectionsToStdout = output == null || OutputTarget.STDOUT.equals(output);
        if (OutputTarget.STDOUT.equals(html) && sectionsToStdout) {
            throw new ParameterException(spec.commandLine(), "--html - and the sections would both go to stdout; give -o FILE");
        }
        if (html != null && !sectionsToStdout
                && Path.of(html).toAbsolutePath().normalize().equals(Path.of(output).toAbsolutePath().normalize())) {
            throw new ParameterException(spec.commandLine(), "--html and -o name the same file");
        }
        StatusLine status = status();
        StatsReport.Input input = database != null ? StatsReport.Input.database(database)
                : StatsReport.Input.matrix(matrix, headerFile);
        StatsReport.Options options = new StatsReport.Options(selection.request(), window, format, output, html,
                commandLine());
        StatsFigures figures;
        try (StatusLine.Bar progress = status.progress("load", " MiB", 1 << 20)) {
            figures = StatsReport.run(input, engine.settings(), options, progress);
        }
        StatsFigures.Summary summary = figures.summary();
        status.summary(summary.sites() + " sites, " + summary.altSites() + " with an ALT, " + summary.contigs()
                + " contig(s), " + summary.samples() + " sample(s), " + summary.pairs() + " pair(s)");
        return 0;
    }

    /** The command as run, arguments quoted as a shell needs them (the report's table of inputs). */
    private String commandLine() {
        List<String> args = spec.root().commandLine().getParseResult().originalArgs();
        return "hapmatrix " + args.stream().map(StatsCommand::quoted).collect(Collectors.joining(" "));
    }

    private static String quoted(String argument) {
        return PLAIN_ARGUMENT.matcher(argument).matches() ? argument : "'" + argument.replace("'", "'\\''") + "'";
    }

    /**
     * stats selects whole contigs (--contigs, until issue 19's regions): the selection mixin's
     * -r/-R are taken off its command line, help and reference, since its figures would count
     * whole contigs whatever the regions.
     */
    static final class WithoutRegions implements CommandLine.IModelTransformer {
        @Override
        public CommandLine.Model.CommandSpec transform(CommandLine.Model.CommandSpec command) {
            for (String name : new String[] {"--regions", "--regions-file"}) {
                CommandLine.Model.OptionSpec option = command.findOption(name);
                if (option != null) {
                    command.remove(option);
                }
            }
            return command;
        }
    }

    static final class FormatConverter implements ITypeConverter<StatsFormat> {
        @Override
        public StatsFormat convert(String value) {
            StatsFormat format = StatsFormat.named(value);
            if (format == null) {
                throw new TypeConversionException("'" + value + "' is not a stats format: expected tsv or json");
            }
            return format;
        }
    }

    static final class WindowConverter implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            long window;
            try {
                window = Long.parseLong(value.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("expected a whole number of positions, not '" + value + "'");
            }
            if (window < 1) {
                throw new TypeConversionException("must be at least 1, not " + window);
            }
            return window;
        }
    }
}
