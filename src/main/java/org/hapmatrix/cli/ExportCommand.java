package org.hapmatrix.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hapmatrix.app.MatrixExport;
import org.hapmatrix.io.OutputTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code export}: the haplotype table again from a loaded database, with any pairs, samples or contigs. */
@Command(name = "export",
        description = "Write the haplotype table (or VCF, or phase-Extender's file) from a loaded database, without reading the matrix again.")
final class ExportCommand extends DatabaseCommand {
    @Mixin
    DatabaseOption database;

    @Mixin
    OutputOption output;

    @Mixin
    SelectionOptions selection;

    @Mixin
    FormatOptions format;

    @Override
    public Integer call() {
        Map<String, Path> inputs = new LinkedHashMap<>(selection.inputFiles());
        inputs.put("database", database.file);
        OutputTarget.requireNotAnInputWithIndexes(output.path, inputs);
        StatusLine status = status();
        MatrixExport.Result result;
        try (StatusLine.Bar progress = status.progress("export", " sites", 1)) {
            result = MatrixExport.run(database.file, database.file.toString(), engine.settings(), selection.request(),
                    format.layout(output.path, spec), output.path, progress);
        }
        status.summary(result.sitesWritten() + " sites written, " + result.plan().contigs().size()
                + " contig(s), " + result.plan().pairs().size() + " pair(s)" + StatusLine.unpaired(result.plan().unpaired())
                + (result.gaps().note().isEmpty() ? "" : ", " + result.gaps().note()));
        return 0;
    }
}
