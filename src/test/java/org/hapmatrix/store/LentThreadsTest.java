package org.hapmatrix.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.hapmatrix.testsupport.CliRunner;
import org.hapmatrix.testsupport.MatrixGenerator;
import org.hapmatrix.testsupport.MatrixGenerator.GeneratedMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DuckDB's threads while the export's workers query, and after. */
class LentThreadsTest {
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    @TempDir
    Path tmp;

    private static int engineThreads(MatrixDatabase database) {
        try (var handle = database.open()) {
            return handle.createQuery("SELECT current_setting('threads')").mapTo(Integer.class).one();
        }
    }

    private static EngineSettings settings(int threads, Path tmp) {
        return new EngineSettings(threads, EngineSettings.DEFAULT_MEMORY_LIMIT, tmp);
    }

    @Test
    void workersAsManyAsCoresLeaveDuckDbOneThreadUntilTheScopeCloses() {
        try (MatrixDatabase database = MatrixDatabase.createInMemory("test", settings(CORES, tmp))) {
            assertEquals(CORES, engineThreads(database));
            try (MatrixDatabase.ThreadsLent lent = database.lendThreads(CORES)) {
                assertEquals(1, engineThreads(database));
            }
            assertEquals(CORES, engineThreads(database));
        }
    }

    @Test
    void oneWorkerLeavesDuckDbAllItsThreads() {
        try (MatrixDatabase database = MatrixDatabase.createInMemory("test", settings(CORES, tmp));
             MatrixDatabase.ThreadsLent lent = database.lendThreads(1)) {
            assertEquals(CORES, engineThreads(database));
        }
    }

    @Test
    void moreWorkersThanCoresStillLeaveDuckDbOneThread() {
        try (MatrixDatabase database = MatrixDatabase.createInMemory("test", settings(CORES + 3, tmp));
             MatrixDatabase.ThreadsLent lent = database.lendThreads(CORES + 3)) {
            assertEquals(1, engineThreads(database));
        }
    }

    @Test
    void aDatabaseWithItsConfigurationLockedKeepsItsThreadsUnlessOpenedForAnExport() throws Exception {
        GeneratedMatrix matrix = MatrixGenerator.seedShaped(7, 50);
        Path file = tmp.resolve("m.txt");
        matrix.writeTo(file, true);
        Path db = tmp.resolve("m.duckdb");
        assertEquals(0, CliRunner.run("load", file.toString(), "--db", db.toString(), "-q").exitCode());
        try (MatrixDatabase database = MatrixDatabase.openReadOnly(db, settings(CORES, tmp));
             MatrixDatabase.ThreadsLent lent = database.lendThreads(CORES)) {
            assertEquals(CORES, engineThreads(database));
        }
        // Opened for an export, it gets the threads its workers leave from the start.
        try (MatrixDatabase database = MatrixDatabase.openForExport(db, db.toString(), settings(CORES, tmp))) {
            assertEquals(1, engineThreads(database));
        }
    }
}
