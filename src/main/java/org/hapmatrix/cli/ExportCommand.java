package org.hapmatrix.cli;

import java.util.concurrent.Callable;
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
        ExportStep.Result result = ExportStep.run(database.file, database.file.toString(), engine.settings(), output.path, selection,
                selection.explicitPairs(), status);
        status.summary(result.sitesWritten() + " sites written, " + result.request().contigs().size()
                + " contig(s), " + result.request().pairs().size() + " pair(s)");
        return 0;
    }
}
