package org.hapmatrix.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.store.DuckDbErrors;
import org.hapmatrix.store.EngineSettings;
import org.hapmatrix.store.MatrixDatabase;

/**
 * The {@code sql} use case: the statements the user wrote, run in order over a loaded database
 * opened read-only and sandboxed ({@link MatrixDatabase#openForUserQueries}), each result printed
 * in a {@link ResultFormat} as it streams, results one after the other with an empty line
 * between. Plain JDBC, not Jdbi: the statements are the user's, their columns unknown.
 */
public final class UserQuery {
    /** What the DuckDB driver says instead of the error of a streamed statement that failed before its first rows. */
    private static final String LOST_ERROR = "Invalid Input Error: Invalid result set";

    private UserQuery() {
    }

    /** Runs the statements of {@code sql} over {@code databaseFile} and prints every result one of them returns to {@code out}. */
    public static void run(Path databaseFile, EngineSettings settings, String sql, ResultFormat format, PrintWriter out) {
        List<String> statements = SqlScript.statements(sql);
        if (statements.isEmpty()) {
            statements = List.of(sql); // DuckDB says what is wrong with it
        }
        try (MatrixDatabase db = MatrixDatabase.openForUserQueries(databaseFile, settings);
             Connection connection = db.newConnection();
             Statement statement = connection.createStatement()) {
            List<String> withoutResult = new ArrayList<>();
            boolean printed = false;
            for (int i = 0; i < statements.size(); i++) {
                try {
                    if (execute(statement, statements.get(i), withoutResult, databaseFile, settings)) {
                        if (printed) {
                            out.println();
                        }
                        try (ResultSet rows = statement.getResultSet()) {
                            format.print(rows, out);
                        }
                        printed = true;
                    } else {
                        withoutResult.add(statements.get(i));
                    }
                } catch (SQLException e) {
                    out.flush();
                    String which = statements.size() > 1 ? "statement " + (i + 1) + " of " + statements.size() + ": " : "";
                    throw new HapmatrixException(databaseFile + ": " + which + DuckDbErrors.oneLine(e), e);
                }
            }
            out.flush();
        } catch (SQLException e) {
            throw new HapmatrixException(databaseFile + ": " + DuckDbErrors.oneLine(e), e);
        }
    }

    /**
     * {@link Statement#execute} of {@code sql} on a connection of {@link MatrixDatabase#openForUserQueries};
     * an error the driver lost is learnt by running {@code sql} again, after the statements
     * {@code before} it that returned no result (temporary tables, variables), over the same file
     * opened with results held whole.
     */
    static boolean execute(Statement statement, String sql, List<String> before, Path databaseFile,
                           EngineSettings settings) throws SQLException {
        try {
            return statement.execute(sql);
        } catch (SQLException lost) {
            if (!LOST_ERROR.equals(lost.getMessage())) {
                throw lost;
            }
            try (MatrixDatabase held = MatrixDatabase.openForUserQueries(databaseFile, settings, false);
                 Connection connection = held.newConnection();
                 Statement again = connection.createStatement()) {
                for (String setup : before) {
                    again.execute(setup);
                }
                again.execute(sql); // fails again, with DuckDB's own words
            }
            throw lost; // it ran this time: keep the driver's words
        }
    }
}
