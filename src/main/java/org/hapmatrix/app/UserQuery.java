package org.hapmatrix.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.store.DuckDbErrors;
import org.hapmatrix.store.EngineSettings;
import org.hapmatrix.store.MatrixDatabase;

/**
 * The {@code sql} use case: one statement the user wrote, run over a loaded database opened
 * read-only and sandboxed ({@link MatrixDatabase#openForUserQueries}), its result printed in a
 * {@link ResultFormat}. Plain JDBC, not Jdbi: the statement is the user's, its columns unknown.
 */
public final class UserQuery {
    private UserQuery() {
    }

    /** Runs {@code sql} over {@code databaseFile} and prints its result, if it has one, to {@code out}. */
    public static void run(Path databaseFile, EngineSettings settings, String sql, ResultFormat format, PrintWriter out) {
        try (MatrixDatabase db = MatrixDatabase.openForUserQueries(databaseFile, settings);
             Connection connection = db.newConnection();
             Statement statement = connection.createStatement()) {
            if (statement.execute(sql)) {
                try (ResultSet rows = statement.getResultSet()) {
                    format.print(rows, out);
                }
            }
            out.flush();
        } catch (SQLException e) {
            throw new HapmatrixException(databaseFile + ": " + DuckDbErrors.oneLine(e), e);
        }
    }
}
