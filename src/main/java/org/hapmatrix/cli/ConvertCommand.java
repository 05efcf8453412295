package org.hapmatrix.cli;

import java.nio.file.Path;
import org.hapmatrix.export.ExportRequest;
import org.hapmatrix.export.MatrixExport;
import org.hapmatrix.export.OutputTarget;
import org.hapmatrix.matrix.OpenedMatrix;
import org.hapmatrix.store.DatabaseFiles;
import org.hapmatrix.store.EngineSettings;
import org.hapmatrix.store.MatrixLoad;
import org.hapmatrix.util.TemporaryFiles;
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
        OutputTarget.checkPath(output.path);
        String matrixName = OpenedMatrix.displayName(input.matrix);
        // Without --db the load goes to a scratch file, not to an in-memory database: that was 10%
        // faster at 4M sites but held load and export memory at once (530 vs 320 MiB peak RSS).
        Path databaseFile = database != null ? database : DatabaseFiles.scratchDatabase(settings.tempDirectory());
        try {
            // A scratch database is the user's matrix as far as messages go.
            String databaseName = database != null ? database.toString() : matrixName;
            long sitesRead;
            // With an indexed matrix only the selected contigs are read; without, all (selected at export).
            try (OpenedMatrix matrix = input.open(request.contigs(), false);
                 StatusLine.Bar progress = status.progress("load", " MiB", 1 << 20)) {
                matrix.validatePairs(request.pairs());
                sitesRead = MatrixLoad.run(matrix, databaseFile, databaseName, settings, progress);
            }
            MatrixExport.Result result;
            try (StatusLine.Bar progress = status.progress("export", " sites", 1)) {
                result = MatrixExport.run(databaseFile, matrixName, settings, request, format.layout(output.path, spec),
                        output.path, progress);
            }
            status.summary(sitesRead + " sites read, " + result.sitesWritten() + " written, "
                    + result.plan().contigs().size() + " contig(s), " + result.plan().pairs().size() + " pair(s)");
            return 0;
        } finally {
            if (database == null) {
                TemporaryFiles.delete(databaseFile.getParent());
            }
        }
    }
}
