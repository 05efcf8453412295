package org.hapmatrix.cli;

import java.nio.file.Path;
import java.util.List;
import org.hapmatrix.matrix.SamplePair;
import org.hapmatrix.matrix.SamplePairs;
import org.hapmatrix.store.DatabaseFiles;
import org.hapmatrix.store.EngineSettings;
import org.hapmatrix.store.MatrixLoader;

/** The load shared by {@code load} and {@code convert}: matrix file into a (new or replaced) database file. */
final class LoadStep {
    private LoadStep() {
    }

    /**
     * Loads the matrix into {@code database}, named {@code databaseName} in messages; explicit
     * pairs are checked against the header before any data is read.
     */
    static long run(MatrixInputOptions input, Path database, String databaseName, EngineSettings settings,
                    List<SamplePair> explicitPairs, StatusLine status) {
        try (OpenedMatrix matrix = input.open()) {
            if (!explicitPairs.isEmpty()) {
                SamplePairs.validate(explicitPairs, matrix.header().samples(),
                        input.headerFile != null ? input.headerFile.toString() : matrix.name());
            }
            long[] sites = new long[1];
            try (StatusLine.Bar progress = status.progress("load", " MiB", 1 << 20)) {
                DatabaseFiles.buildReplacing(database, databaseName, settings,
                        db -> sites[0] = MatrixLoader.load(db, matrix, progress));
            }
            return sites[0];
        }
    }
}
