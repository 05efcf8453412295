package org.hapmatrix.export;

import java.nio.file.Path;
import org.hapmatrix.store.EngineSettings;
import org.hapmatrix.store.MatrixCatalog;
import org.hapmatrix.store.MatrixDatabase;
import org.hapmatrix.util.PhaseTimer;
import org.hapmatrix.util.Progress;

/** The export use case ({@code export}, and the second half of {@code convert}): a loaded database to the haplotype table. */
public final class MatrixExport {
    /** What was written: the resolved plan (pairs, contigs) and the number of sites. */
    public record Result(ExportPlan plan, long sitesWritten) {
    }

    private MatrixExport() {
    }

    /**
     * Writes the table that {@code request} asks for to {@code output} (a path; {@code -} or null
     * for stdout). {@code sourceName} names the data in messages: the database, or for convert the
     * matrix it came from. The output is created only once every name has been checked.
     */
    public static Result run(Path databaseFile, String sourceName, EngineSettings settings, ExportRequest request,
                             String output, Progress progress) {
        return run(databaseFile, sourceName, settings, request, output, progress, 0);
    }

    /** With a chosen work unit size (0: by the result's width); tests use small units to split contigs across threads. */
    static Result run(Path databaseFile, String sourceName, EngineSettings settings, ExportRequest request,
                      String output, Progress progress, long rowsPerUnit) {
        try (MatrixDatabase database = MatrixDatabase.openReadOnly(databaseFile, sourceName, settings)) {
            MatrixCatalog catalog = MatrixCatalog.read(database);
            ExportPlan plan = ExportSelection.resolve(catalog, sourceName, request, settings.threads());
            try (OutputTarget target = OutputTarget.open(output)) {
                long start = System.nanoTime();
                long written = new HaplotypeExporter(database, catalog.alleles(), rowsPerUnit)
                        .export(plan, target, settings.tempDirectory(), progress);
                target.commit();
                PhaseTimer.done("export: queries and output", start);
                return new Result(plan, written);
            }
        }
    }
}
