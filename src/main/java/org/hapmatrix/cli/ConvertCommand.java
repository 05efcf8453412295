package org.hapmatrix.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hapmatrix.export.ExportLayout;
import org.hapmatrix.export.ExportRequest;
import org.hapmatrix.export.MatrixExport;
import org.hapmatrix.export.OutputTarget;
import org.hapmatrix.export.SegmentedConvert;
import org.hapmatrix.matrix.OpenedMatrix;
import org.hapmatrix.store.DatabaseFiles;
import org.hapmatrix.store.EngineSettings;
import org.hapmatrix.store.MatrixLoad;
import org.hapmatrix.store.MatrixLoader;
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
        OutputTarget.checkWritable(output.path);
        Map<String, Path> inputs = new LinkedHashMap<>(input.inputFiles());
        inputs.putAll(selection.inputFiles());
        inputs.put("database", database);
        OutputTarget.requireNotAnInput(output.path, inputs);
        String matrixName = OpenedMatrix.displayName(input.matrix);
        ExportLayout layout = format.layout(output.path, spec);
        if (database == null && SegmentedConvert.applies(input.matrix, request, layout, output.path)) {
            try (OpenedMatrix matrix = input.open(request.contigs(), false)) {
                matrix.validatePairs(request.pairs());
                SegmentedConvert.Result result;
                try (StatusLine.Bar progress = status.progress("convert", " MiB", 1 << 20)) {
                    result = SegmentedConvert.run(matrix, matrixName, settings, request, layout, output.path, progress);
                }
                status.summary(result.sitesRead() + " sites read, " + result.sitesWritten() + " written, "
                        + result.contigs() + " contig(s), " + result.pairs() + " pair(s)");
                return 0;
            } catch (MatrixLoader.NotSegmentable e) {
                // Contigs not in blocks, or a late new allele: the whole matrix goes through a scratch file below.
            }
        }
        // Without --db and not by segments (standard input, stdout, --contigs, or not segmentable):
        // the whole matrix goes to a scratch database file.
        Path databaseFile = database != null ? database : DatabaseFiles.scratchDatabase(settings.tempDirectory());
        try {
            // A scratch database is the user's matrix as far as messages go.
            String databaseName = database != null ? database.toString() : matrixName;
            MatrixLoad.Pending loaded;
            // With an indexed matrix only the selected contigs are read; without, all (selected at export).
            try (OpenedMatrix matrix = input.open(request.contigs(), false);
                 StatusLine.Bar progress = status.progress("load", " MiB", 1 << 20)) {
                matrix.validatePairs(request.pairs());
                // Contigs are known only once read (or from a tabix index, checked on opening it).
                matrix.validateSamples(request.samples());
                loaded = MatrixLoad.runUncommitted(matrix, databaseFile, databaseName, settings, progress);
            }
            long sitesRead = loaded.sites();
            MatrixExport.Result result;
            // The new database replaces an old one only once the whole run, export included, succeeded.
            try (DatabaseFiles.PendingDatabase newDatabase = loaded.database();
                 StatusLine.Bar progress = status.progress("export", " sites", 1)) {
                result = MatrixExport.run(newDatabase.file(), matrixName, settings, request, layout, output.path,
                        progress);
                newDatabase.commit();
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
