package org.hapmatrix.app;

import java.nio.file.Path;
import java.util.List;
import org.hapmatrix.export.Region;
import org.hapmatrix.matrix.MatrixSource;
import org.hapmatrix.store.DatabaseFiles;
import org.hapmatrix.store.EngineSettings;
import org.hapmatrix.store.MatrixLoader;
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
        return run(matrix, List.of(), databaseFile, databaseName, settings, progress);
    }

    /**
     * As {@link #run(MatrixSource, Path, String, EngineSettings, Progress)}, only the sites whose
     * REF overlaps one of {@code regions} ({@code load -r/-R}; empty: all), in input order.
     */
    public static long run(MatrixSource matrix, List<Region> regions, Path databaseFile, String databaseName,
                           EngineSettings settings, Progress progress) {
        MatrixSource source = regions.isEmpty() ? matrix : new RegionFilteredSource(matrix, regions);
        long[] sites = new long[1];
        DatabaseFiles.buildReplacing(databaseFile, databaseName, settings,
                database -> sites[0] = MatrixLoader.load(database, source, progress));
        return sites[0];
    }

    /** A loaded database not yet in place, and how many sites it holds. */
    public record Pending(DatabaseFiles.PendingDatabase database, long sites) {
    }

    /**
     * As {@link #run}, but leaves the new database under its temporary name until the caller
     * commits it, so that {@code convert --db} replaces the old one only once its export succeeded.
     */
    public static Pending runUncommitted(MatrixSource matrix, Path databaseFile, String databaseName, EngineSettings settings,
                                         Progress progress) {
        long[] sites = new long[1];
        DatabaseFiles.PendingDatabase database = DatabaseFiles.build(databaseFile, databaseName, settings,
                db -> sites[0] = MatrixLoader.load(db, matrix, progress));
        return new Pending(database, sites[0]);
    }
}
