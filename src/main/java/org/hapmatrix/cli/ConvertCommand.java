package org.hapmatrix.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hapmatrix.app.MatrixConvert;
import org.hapmatrix.export.ExportRequest;
import org.hapmatrix.io.OutputTarget;
import org.hapmatrix.store.EngineSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code convert}: load the matrix into DuckDB and write the haplotype table, in one go. */
@Command(name = "convert",
        description = "Convert a genome matrix to the phased haplotype table, VCF or phase-Extender's file (loads it into DuckDB on the way).")
final class ConvertCommand extends DatabaseCommand {
    @Mixin
    MatrixInputOptions input;

    @Mixin
    OutputOption output;

    @Option(names = "--db", paramLabel = "FILE", description = "Keep the loaded database in FILE (replaced if it exists).")
    Path database;

    @Mixin
    SelectionOptions selection;

    @Mixin
    FormatOptions format;

    @Override
    public Integer call() {
        EngineSettings settings = engine.settings();
        ExportRequest request = selection.request();
        StatusLine status = status();
        // A bad output path should not wait for the end of a load that may take an hour.
        OutputTarget.checkWritable(output.path);
        Map<String, Path> inputs = new LinkedHashMap<>(input.inputFiles());
        inputs.putAll(selection.inputFiles());
        OutputTarget.requireNotAnInputWithIndexes(output.path, inputs);
        // The database is written too: renamed into place last, it would replace an output of its name, new or not.
        OutputTarget.requireNotTheOtherOutput(output.path, "database", database);
        MatrixConvert.Result result = MatrixConvert.run(new MatrixConvert.Input(input.matrix, input.headerFile, input.vcfOptions()),
                database, settings, request, format.layout(output.path, spec), output.path, status::progress);
        status.summary(result.sitesRead() + " sites read, " + result.sitesWritten() + " written, "
                + result.contigs() + " contig(s), " + result.pairs() + " pair(s)" + StatusLine.unpaired(result.unpaired())
                + (result.inputNote().isEmpty() ? "" : ", " + result.inputNote()));
        return 0;
    }
}
