package org.hapmatrix.store;

import java.nio.file.Path;
import org.hapmatrix.matrix.MatrixSource;
import org.hapmatrix.util.Progress;

/** The load use case ({@code load}, and the first half of {@code convert}): a matrix into a new or replaced database file. */
public final class MatrixLoad {
    private MatrixLoad() {
    }

    /**
     * Loads {@code matrix} into {@code databaseFile}, which is replaced only once the load has
     * succeeded; {@code databaseName} names it in messages. Returns the number of sites loaded.
     */
    public static long run(MatrixSource matrix, Path databaseFile, String databaseName, EngineSettings settings,
                           Progress progress) {
        long[] sites = new long[1];
        DatabaseFiles.buildReplacing(databaseFile, databaseName, settings,
                database -> sites[0] = MatrixLoader.load(database, matrix, progress));
        return sites[0];
    }
}
