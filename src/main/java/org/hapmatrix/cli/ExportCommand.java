package org.hapmatrix.cli;

import java.util.concurrent.Callable;
import org.hapmatrix.export.MatrixExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code export}: the haplotype table again from a loaded database, with any pairs, samples or contigs. */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Write the haplotype table from a loaded database, without reading the matrix again.")
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption database;

    @Mixin
    OutputOption output;

    @Mixin
    SelectionOptions selection;

    @Mixin
    EngineOptions engine;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        StatusLine status = new StatusLine(spec.commandLine().getErr(), common.quiet);
        MatrixExport.Result result;
        try (StatusLine.Bar progress = status.progress("export", " sites", 1)) {
            result = MatrixExport.run(database.file, database.file.toString(), engine.settings(), selection.request(),
                    output.path, progress);
        }
        status.summary(result.sitesWritten() + " sites written, " + result.plan().contigs().size()
                + " contig(s), " + result.plan().pairs().size() + " pair(s)");
        return 0;
    }
}
