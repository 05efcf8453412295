package org.hapmatrix.cli;

import java.nio.file.Path;
import java.util.List;
import org.hapmatrix.matrix.MatrixInput;
import org.hapmatrix.matrix.MatrixParser;
import org.hapmatrix.matrix.SamplePair;
import org.hapmatrix.matrix.SamplePairs;
import org.hapmatrix.store.DatabaseFiles;
import org.hapmatrix.store.EngineSettings;
import org.hapmatrix.store.MatrixLoader;

/** The load shared by {@code load} and {@code convert}: matrix file into a (new or replaced) database file. */
final class LoadStep {
    private LoadStep() {
    }

    /** Loads the matrix into {@code database}; explicit pairs are checked against the header before any data is read. */
    static long run(MatrixInputOptions input, Path database, EngineSettings settings, List<SamplePair> explicitPairs,
                    StatusLine status) {
        try (MatrixInput matrix = MatrixInput.open(input.matrix)) {
            MatrixParser parser = input.openParser(matrix);
            if (!explicitPairs.isEmpty()) {
                SamplePairs.validate(explicitPairs, parser.header().samples());
            }
            long[] sites = new long[1];
            try (StatusLine.Progress progress = status.progress("loading", matrix)) {
                DatabaseFiles.buildReplacing(database, settings, db ->
                        sites[0] = MatrixLoader.load(db, parser, input.source(matrix), progress));
            }
            return sites[0];
        }
    }
}
