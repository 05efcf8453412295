package org.hapmatrix.cli;

import java.nio.file.Path;
import java.util.List;
import org.hapmatrix.PhaseTimer;
import org.hapmatrix.export.ExportRequest;
import org.hapmatrix.export.ExportSelection;
import org.hapmatrix.export.HaplotypeExporter;
import org.hapmatrix.export.OutputTarget;
import org.hapmatrix.matrix.SamplePair;
import org.hapmatrix.store.EngineSettings;
import org.hapmatrix.store.MatrixCatalog;
import org.hapmatrix.store.MatrixDatabase;

/** The export shared by {@code export} and {@code convert}: a loaded database to the haplotype table. */
final class ExportStep {
    record Result(ExportRequest request, long sitesWritten) {
    }

    private ExportStep() {
    }

    /** {@code sourceName} names the data in messages: the database, or for convert the matrix it came from. */
    static Result run(Path databaseFile, String sourceName, EngineSettings settings, String output,
                      SelectionOptions selection, List<SamplePair> explicitPairs, StatusLine status) {
        try (MatrixDatabase database = MatrixDatabase.openReadOnly(databaseFile, sourceName, settings)) {
            MatrixCatalog catalog = MatrixCatalog.read(database);
            ExportRequest request = ExportSelection.resolve(catalog, sourceName, explicitPairs, selection.samples(),
                    selection.contigs(), selection.altFrom, settings.threads());
            // The output is created only once every name has been checked.
            try (OutputTarget target = OutputTarget.open(output);
                 StatusLine.Bar progress = status.progress("export", " sites", 1)) {
                long start = System.nanoTime();
                long written = new HaplotypeExporter(database, catalog.alleles())
                        .export(request, target, settings.tempDirectory(), progress);
                target.commit();
                PhaseTimer.done("export: queries and output", start);
                return new Result(request, written);
            }
        }
    }
}
