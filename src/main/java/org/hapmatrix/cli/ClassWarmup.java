package org.hapmatrix.cli;

import java.util.List;
import org.apache.arrow.vector.types.pojo.Schema;
import org.jdbi.v3.core.Jdbi;

/**
 * Initialises the heaviest libraries (Arrow's schema classes pull in Jackson; Jdbi builds its
 * configuration) on a second core while the main thread parses options and opens DuckDB:
 * about half a second of every command's start-up that would otherwise come one after another.
 */
final class ClassWarmup {
    private ClassWarmup() {
    }

    static void start() {
        Thread warmup = new Thread(() -> {
            try {
                new Schema(List.of()).toJson();
                Jdbi.create(() -> {
                    throw new java.sql.SQLException("warm-up only; never connects");
                });
            } catch (RuntimeException | LinkageError ignored) {
                // Warm-up is an optimisation only: the real use reports any real problem.
            }
        }, "hapmatrix-warmup");
        warmup.setDaemon(true);
        warmup.start();
    }
}
