package org.hapmatrix.store;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.duckdb.DuckDBConnection;
import org.hapmatrix.HapmatrixException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * One DuckDB database file holding a loaded matrix. Worker threads each take their own
 * connection ({@link #newConnection()}); a DuckDB connection is never shared between threads.
 *
 * <p>Statements run through Jdbi ({@link #open()}), with named parameters. The two Arrow paths
 * alone use the DuckDB JDBC connection directly: the load's scan of the parser's Arrow stream
 * ({@code DuckDBConnection.registerArrowStream}) and the export's reading of results as Arrow
 * batches ({@code DuckDBResultSet.arrowExportStream}), DuckDB driver calls Jdbi does not wrap.
 * The export also keeps one prepared statement per worker thread for all its work units, where
 * Jdbi would prepare the statement (thousands of columns, for a wide matrix) for every unit.
 * Those statements take positional parameters, each bound by its query class (see sql/README.md).
 */
public final class MatrixDatabase implements AutoCloseable {
    private final Path file;
    private final String name;
    private final DuckDBConnection connection;
    private final Jdbi jdbi;

    private MatrixDatabase(Path file, String name, DuckDBConnection connection) {
        this.file = file;
        this.name = name;
        this.connection = connection;
        this.jdbi = Jdbi.create(this::newConnection);
    }

    /** Creates a new, empty database file for writing; {@code name} names it in messages. */
    public static MatrixDatabase create(Path file, String name, EngineSettings settings) {
        return new MatrixDatabase(file, name, connect(file, name, settings, false));
    }

    /**
     * A new in-memory database, for a load nobody keeps ({@code convert} without {@code --db}):
     * nothing is compressed, checkpointed or opened twice. {@code name} names it in messages.
     */
    public static MatrixDatabase createInMemory(String name, EngineSettings settings) {
        return new MatrixDatabase(null, name, connect(null, name, settings, false));
    }

    /** Opens an existing hapmatrix database read-only; several processes may do so at once. */
    public static MatrixDatabase openReadOnly(Path file, EngineSettings settings) {
        return openReadOnly(file, file.toString(), settings);
    }

    /** As {@link #openReadOnly(Path, EngineSettings)}, named {@code name} in messages about its data. */
    public static MatrixDatabase openReadOnly(Path file, String name, EngineSettings settings) {
        // Checked before DuckDB sees the path: it would open a device or a pipe too.
        ExistingDatabaseFile.requireDuckDbFile(file);
        MatrixDatabase database = new MatrixDatabase(file, name, connect(file, file.toString(), settings, true));
        try {
            database.requireHapmatrixSchema();
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }

    void requireHapmatrixSchema() {
        try (Handle handle = open()) {
            boolean complete = handle.createQuery(SqlTemplate.statement("is_hapmatrix_database"))
                    .mapTo(Boolean.class).one();
            if (!complete) {
                throw new HapmatrixException(file + ": not a hapmatrix database (no matrix or load_info table)");
            }
        }
    }

    /** Opens {@code file}; a failure is reported under {@code name} (the target, for a file being built). */
    private static DuckDBConnection connect(Path file, String name, EngineSettings settings, boolean readOnly) {
        Properties properties = settings.toConnectionProperties();
        if (readOnly) {
            properties.setProperty("duckdb.read_only", "true");
        }
        try {
            String url = file == null ? "jdbc:duckdb:" : "jdbc:duckdb:" + file.toAbsolutePath();
            return (DuckDBConnection) DriverManager.getConnection(url, properties);
        } catch (SQLException e) {
            throw openFailure(name, e);
        }
    }

    private static HapmatrixException openFailure(String name, SQLException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("Could not set lock") || message.contains("Conflicting lock")) {
            return new HapmatrixException(name + ": database is in use by another process");
        }
        if (message.contains("not a valid DuckDB database") || message.contains("Unable to open database")) {
            return new HapmatrixException(name + ": not a hapmatrix database (not a DuckDB file)");
        }
        return new HapmatrixException(name + ": cannot open database: " + DuckDbErrors.oneLine(e), e);
    }

    /** What messages call this database: its file, or what a scratch database holds. */
    public String name() {
        return name;
    }

    /** A new connection to the same database, for one worker thread; the caller closes it. */
    public DuckDBConnection newConnection() {
        try {
            return connection.duplicate();
        } catch (SQLException e) {
            throw new HapmatrixException(name + ": cannot open a connection: " + DuckDbErrors.oneLine(e), e);
        }
    }

    /** A Jdbi handle on its own connection; close it with try-with-resources. */
    public Handle open() {
        return jdbi.open();
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new HapmatrixException(name + ": closing the database failed: " + DuckDbErrors.oneLine(e), e);
        }
    }
}
