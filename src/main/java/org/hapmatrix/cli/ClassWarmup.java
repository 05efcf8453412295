package org.hapmatrix.cli;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import org.apache.arrow.vector.types.pojo.Schema;
import org.jdbi.v3.core.Jdbi;

/**
 * Initialises the heaviest libraries (Jdbi builds its configuration, DuckDB its one-time set-up,
 * Arrow's schema classes pull in Jackson) on a second core while the main thread parses options:
 * start-up work that would otherwise come one after another on the main thread.
 */
final class ClassWarmup {
    private ClassWarmup() {
    }

    static void start() {
        Thread warmup = new Thread(() -> {
            try {
                // In the order the main thread needs them: the database, through Jdbi, then Arrow.
                Jdbi.create(() -> {
                    throw new SQLException("warm-up only; never connects");
                });
                openAndCloseDuckDb();
                new Schema(List.of()).toJson();
            } catch (SQLException | RuntimeException | LinkageError ignored) {
                // Warm-up is an optimisation only: the real use reports any real problem.
            }
        }, "hapmatrix-warmup");
        warmup.setDaemon(true);
        warmup.start();
    }

    /**
     * DuckDB's first database in a process costs more than any later one (its one-time set-up,
     * native and Java; bench/RESULTS.md); a throwaway in-memory one pays that here, off the main
     * thread's path.
     */
    private static void openAndCloseDuckDb() throws SQLException {
        Properties oneThread = new Properties();
        oneThread.setProperty("threads", "1");
        DriverManager.getConnection("jdbc:duckdb:", oneThread).close();
    }
}
