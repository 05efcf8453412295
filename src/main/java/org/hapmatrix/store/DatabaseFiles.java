package org.hapmatrix.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.io.ScratchNames;
import org.hapmatrix.io.TemporaryFiles;
import org.hapmatrix.util.PhaseTimer;

/**
 * Creates database files so that a reader never sees a half-built one: the database is built
 * under a temporary name beside its target and renamed over it only once complete. A failed or
 * interrupted build leaves the previous database exactly as it was.
 */
public final class DatabaseFiles {
    private DatabaseFiles() {
    }

    /**
     * Builds a database at {@code target} with {@code build}, replacing a previous hapmatrix
     * database there; {@code name} names it in messages about its data (not the temporary file).
     */
    public static void buildReplacing(Path target, String name, EngineSettings settings, Consumer<MatrixDatabase> build) {
        try (PendingDatabase built = build(target, name, settings, build)) {
            built.commit();
        }
    }

    /**
     * Builds a database for {@code target} under a temporary name beside it, to be renamed over
     * {@code target} by {@link PendingDatabase#commit()} once everything else that depends on it
     * has succeeded ({@code convert --db} exports first); closed uncommitted, it is deleted.
     */
    public static PendingDatabase build(Path target, String name, EngineSettings settings, Consumer<MatrixDatabase> build) {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            throw HapmatrixException.usage(target + ": database directory does not exist");
        }
        if (Files.exists(absolute)) {
            checkReplaceable(target, settings);
        }
        Path building;
        try {
            ScratchNames.removeStale(directory);
            // Not created here: DuckDB creates the file itself, and an empty file is not a database.
            building = TemporaryFiles.register(directory.resolve(ScratchNames.unique("." + absolute.getFileName(), ".building")));
            if (Files.exists(building)) {
                throw new IOException(building + " exists");
            }
        } catch (IOException e) {
            throw new HapmatrixException(target + ": cannot create a database beside it: " + e.getMessage(), e);
        }
        PendingDatabase pending = new PendingDatabase(target, building);
        try {
            try (MatrixDatabase database = MatrixDatabase.create(building, name, settings)) {
                build.accept(database);
                long start = System.nanoTime();
                database.close();
                PhaseTimer.done("load: checkpoint and close", start);
            }
            return pending;
        } catch (RuntimeException e) {
            pending.close();
            throw e;
        }
    }

    /** A complete database under its temporary name, not yet in place. */
    public static final class PendingDatabase implements AutoCloseable {
        private final Path target;
        private final Path building;
        private final Path wal;
        private boolean committed;

        private PendingDatabase(Path target, Path building) {
            this.target = target;
            this.building = building;
            this.wal = TemporaryFiles.register(Path.of(building + ".wal"));
        }

        /** The database file as it is now, to be read before the commit. */
        public Path file() {
            return building;
        }

        /** Renames the database over its target. */
        public void commit() {
            try {
                Files.move(building, target.toAbsolutePath(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                TemporaryFiles.release(building);
                committed = true;
            } catch (IOException e) {
                throw new HapmatrixException(target + ": cannot move the new database into place: " + e.getMessage(), e);
            }
        }

        /** Without a commit, deletes the new database; the target stays as it was. */
        @Override
        public void close() {
            if (!committed) {
                TemporaryFiles.delete(building);
            }
            TemporaryFiles.delete(wal);
        }
    }

    /**
     * A private scratch folder in {@code directory}, deleted at exit: where {@code convert}
     * without {@code --db} lets DuckDB spill and writes its output parts.
     */
    public static Path scratchFolder(Path directory) {
        try {
            // Named with its owner, so that the next run removes the folder of a killed one.
            return ScratchNames.createFolder(directory.toAbsolutePath(), "scratch");
        } catch (IOException e) {
            throw new HapmatrixException(directory + ": cannot create a scratch folder: " + e.getMessage(), e);
        }
    }

    /** A scratch database in {@code directory}, deleted at exit (for {@code convert} without {@code --db}). */
    public static Path scratchDatabase(Path directory) {
        try {
            Path folder = ScratchNames.createFolder(directory, "db");
            return folder.resolve("matrix.duckdb");
        } catch (IOException e) {
            throw new HapmatrixException(directory + ": cannot create a scratch database: " + e.getMessage(), e);
        }
    }

    /**
     * Refuses to replace anything but a hapmatrix database no other process has open. Nothing here
     * writes to it: a refused file (a device, someone's DuckDB file with a pending WAL) stays as it was.
     */
    private static void checkReplaceable(Path target, EngineSettings settings) {
        ExistingDatabaseFile.requireDuckDbFile(target);
        ExistingDatabaseFile.requireNotInUse(target);
        // The check's few catalog queries are not the load's work: --memory-limit is for the load.
        EngineSettings checkSettings = new EngineSettings(settings.threads(), EngineSettings.defaults().memoryLimit(),
                settings.tempDirectory());
        try (MatrixDatabase existing = MatrixDatabase.openReadOnly(target, checkSettings)) {
            // Opening it checked its tables.
        }
    }
}
