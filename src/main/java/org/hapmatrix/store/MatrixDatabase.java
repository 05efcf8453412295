package org.hapmatrix.store;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.io.ArrowJniLibrary;
import org.hapmatrix.io.TemporaryFiles;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

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
    private final Access access;
    private final Path spillFolder;
    private final DuckDBConnection connection;
    private final Jdbi jdbi;
    private final int threads;
    private final int engineThreads;

    private MatrixDatabase(Path file, String name, Access access, EngineSettings settings) {
        this(file, name, access, settings, settings.engineThreads());
    }

    private MatrixDatabase(Path file, String name, Access access, EngineSettings settings, int engineThreads) {
        this.file = file;
        this.name = name;
        this.access = access;
        this.threads = settings.threads();
        this.engineThreads = engineThreads;
        this.spillFolder = SpillFolder.create(settings.tempDirectory());
        ArrowJniLibrary.prepare(); // batches cross to and from DuckDB through Arrow's C Data interface
        try {
            // A file being built is named as its target; an existing one as itself.
            this.connection = connect(file, access == Access.READ_WRITE ? name : file.toString(),
                    settings.toConnectionProperties(spillFolder, engineThreads), access);
        } catch (RuntimeException e) {
            TemporaryFiles.delete(spillFolder);
            throw e;
        }
        this.jdbi = Jdbi.create(this::newConnection);
    }

    /** The threads this run may use (--threads). */
    public int threads() {
        return threads;
    }

    /** How a database file is opened. */
    private enum Access {
        /** Written by this process. */
        READ_WRITE,
        /**
         * Read by this tool's own statements (info, export): sandboxed as {@link #USER_QUERIES},
         * since a file someone gave may hold views and macros that read other files.
         */
        READ_ONLY,
        /**
         * Read by the user's statements ({@code sql}): besides the database, DuckDB may touch only
         * its spill folder. No file read or written (COPY, EXPORT DATABASE, read_csv, ATTACH), no
         * extension installed or loaded, and the settings locked so no statement can undo that.
         * The file is attached read-only to an in-memory database: opened directly, its own path
         * would stay writable (a COPY ... TO it replaced it).
         * Their results stream: the driver hands rows over as DuckDB makes them, holding none.
         */
        USER_QUERIES,
        /**
         * As {@link #USER_QUERIES}, but each result held whole by the driver; only to learn the
         * error that a streamed result lost (see {@link #openForUserQueries(Path, EngineSettings, boolean)}).
         */
        USER_QUERIES_HELD
    }

    /** Creates a new, empty database file for writing; {@code name} names it in messages. */
    public static MatrixDatabase create(Path file, String name, EngineSettings settings) {
        return new MatrixDatabase(file, name, Access.READ_WRITE, settings);
    }

    /**
     * Opens an existing hapmatrix database read-only for statements the user wrote: they may read
     * the database and nothing else on the file system (see {@link Access#USER_QUERIES}).
     */
    public static MatrixDatabase openForUserQueries(Path file, EngineSettings settings) {
        return openForUserQueries(file, settings, true);
    }

    /**
     * As {@link #openForUserQueries(Path, EngineSettings)}; {@code streamResults} false holds each
     * result whole. The DuckDB driver (2.0) loses the error of a streamed statement that fails
     * before its first rows ("Invalid result set"); run again so, the statement says what failed.
     */
    public static MatrixDatabase openForUserQueries(Path file, EngineSettings settings, boolean streamResults) {
        return openExisting(file, file.toString(), settings, streamResults ? Access.USER_QUERIES : Access.USER_QUERIES_HELD);
    }

    /**
     * A new in-memory database, for a load nobody keeps ({@code convert} without {@code --db}):
     * nothing is compressed, checkpointed or opened twice. {@code name} names it in messages.
     */
    public static MatrixDatabase createInMemory(String name, EngineSettings settings) {
        return new MatrixDatabase(null, name, Access.READ_WRITE, settings);
    }

    /** Opens an existing hapmatrix database read-only; several processes may do so at once. */
    public static MatrixDatabase openReadOnly(Path file, EngineSettings settings) {
        return openReadOnly(file, file.toString(), settings);
    }

    /** As {@link #openReadOnly(Path, EngineSettings)}, named {@code name} in messages about its data. */
    public static MatrixDatabase openReadOnly(Path file, String name, EngineSettings settings) {
        return openExisting(file, name, settings, Access.READ_ONLY, settings.engineThreads());
    }

    /**
     * As {@link #openReadOnly(Path, String, EngineSettings)}, for an export whose workers (up to
     * {@code settings.threads()}) each run queries of their own: DuckDB gets from the start the
     * threads {@link #lendThreads} would leave them, since a file opened read-only has its
     * configuration locked (4M-site export: 1.05 -> 0.93 s, bench/RESULTS.md).
     */
    public static MatrixDatabase openForExport(Path file, String name, EngineSettings settings) {
        return openExisting(file, name, settings, Access.READ_ONLY, threadsLeft(settings.engineThreads(), settings.threads()));
    }

    private static MatrixDatabase openExisting(Path file, String name, EngineSettings settings, Access access) {
        return openExisting(file, name, settings, access, settings.engineThreads());
    }

    private static MatrixDatabase openExisting(Path file, String name, EngineSettings settings, Access access,
                                               int engineThreads) {
        // Checked before DuckDB sees the path: it would open a device or a pipe too.
        ExistingDatabaseFile.requireDuckDbFile(file);
        MatrixDatabase database = new MatrixDatabase(file, name, access, settings, engineThreads);
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
            List<String> missing = new ArrayList<>();
            List<String> views = new ArrayList<>();
            handle.createQuery(SqlTemplate.statement("catalog/is_hapmatrix_database")).map((rs, ctx) -> {
                String kind = rs.getString("kind");
                if (kind == null) {
                    missing.add(rs.getString("name"));
                } else if (!kind.equals("table")) {
                    views.add(rs.getString("name"));
                }
                return kind;
            }).list();
            if (missing.contains("matrix") || missing.contains("load_info")) {
                throw notHapmatrix("no matrix or load_info table");
            }
            if (!missing.isEmpty()) {
                throw notHapmatrix("no " + listed(missing) + (missing.size() == 1 ? " table" : " tables"));
            }
            if (!views.isEmpty()) {
                // A view runs a query stored in the file; nothing this tool wrote.
                throw notHapmatrix(listed(views) + (views.size() == 1 ? " is a view, not a table" : " are views, not tables"));
            }
            String alleleType = handle.createQuery(SqlTemplate.statement("catalog/select_allele_type")).mapTo(String.class)
                    .findOne().orElse(null);
            if (!"ENUM".equals(alleleType)) {
                throw notHapmatrix(alleleType == null ? "no allele type" : "its allele type is not an ENUM");
            }
            int alleles = handle.createQuery(SqlTemplate.statement("catalog/count_alleles")).mapTo(Integer.class).one();
            if (alleles > MAX_ALLELES) {
                // Wider codes than the loader ever writes: the export reads one- and two-byte codes.
                throw notHapmatrix("its allele type has " + alleles + " values; hapmatrix writes at most " + MAX_ALLELES);
            }
        } catch (JdbiException e) {
            throw unreadable(e);
        }
    }

    /** The most alleles a database may have: the parser's cap, codes of at most two bytes. */
    private static final int MAX_ALLELES = 65_535;

    private HapmatrixException notHapmatrix(String why) {
        return new HapmatrixException(file + ": not a hapmatrix database (" + why + ")");
    }

    private static String listed(List<String> names) {
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /** The error for a database whose file cannot be read as a whole (truncated, damaged), in one line. */
    public HapmatrixException unreadable(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = String.valueOf(cause.getMessage());
        if (message.contains("Permission Error") || message.contains("Binder Error") || message.contains("Catalog Error")) {
            // Opened files are sandboxed: a statement stored in the file reached outside it, or
            // the tables lack what this tool wrote into them.
            return notHapmatrix(DuckDbErrors.oneLine(cause));
        }
        return new HapmatrixException(file + ": cannot read the database, truncated or damaged? (" + DuckDbErrors.oneLine(cause) + ")", e);
    }

    /** Opens {@code file}; a failure is reported under {@code name} (the target, for a file being built). */
    private static DuckDBConnection connect(Path file, String name, Properties properties, Access access) {
        if (access != Access.READ_WRITE) {
            properties.setProperty("autoinstall_known_extensions", "false");
            properties.setProperty("autoload_known_extensions", "false");
            properties.setProperty("allow_community_extensions", "false");
            if (access == Access.USER_QUERIES) {
                // A user's result is printed as it comes (sql), not first held whole by the driver.
                properties.setProperty(DuckDBDriver.JDBC_STREAM_RESULTS, "true");
            }
            return sandboxed(file, name, properties);
        }
        try {
            String url = file == null ? "jdbc:duckdb:" : "jdbc:duckdb:" + file.toAbsolutePath();
            return (DuckDBConnection) DriverManager.getConnection(url, properties);
        } catch (SQLException e) {
            throw openFailure(name, e);
        }
    }

    /** See {@link Access#USER_QUERIES}. */
    private static DuckDBConnection sandboxed(Path file, String name, Properties properties) {
        DuckDBConnection connection;
        try {
            connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:", properties);
        } catch (SQLException e) {
            throw new HapmatrixException(name + ": cannot start DuckDB: " + DuckDbErrors.oneLine(e), e);
        }
        try {
            try (PreparedStatement attach = connection.prepareStatement(SqlTemplate.statement("user/attach_for_user_queries"))) {
                attach.setString(1, file.toAbsolutePath().toString());
                attach.execute();
            } catch (SQLException e) {
                throw openFailure(name, e);
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute(SqlTemplate.statement("user/use_attached_database"));
                for (String setting : SqlTemplate.statement("user/sandbox_user_queries").split(";")) {
                    if (!setting.isBlank()) {
                        statement.execute(setting);
                    }
                }
            }
            return connection;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // The first failure is the one to report.
            }
            throw e instanceof HapmatrixException known ? known
                    : new HapmatrixException(name + ": cannot open database: " + DuckDbErrors.oneLine(e), e);
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
            DuckDBConnection duplicate = connection.duplicate();
            if (access != Access.READ_WRITE) {
                // The default database is per connection; a new one starts in the in-memory one.
                try (Statement statement = duplicate.createStatement()) {
                    statement.execute(SqlTemplate.statement("user/use_attached_database"));
                }
            }
            return duplicate;
        } catch (SQLException e) {
            throw new HapmatrixException(name + ": cannot open a connection: " + DuckDbErrors.oneLine(e), e);
        }
    }

    /**
     * Leaves DuckDB {@code max(1, its threads - workers + 1)} threads while {@code workers} threads
     * of ours each run queries of their own, until the returned scope closes. A DuckDB thread that
     * takes part of a worker's query leaves that worker polling for it (DuckDB's client loop spins
     * while its tasks run elsewhere): with as many workers as cores, a 4M-site convert spent 7% of
     * its CPU so (bench/RESULTS.md). A database whose configuration is locked (a file someone
     * gave, opened read-only) keeps its threads and the scope changes nothing there; an export of
     * one is opened with them lent already ({@link #openForExport}).
     */
    public ThreadsLent lendThreads(int workers) {
        int during = threadsLeft(engineThreads, workers);
        if (access != Access.READ_WRITE || during == engineThreads) {
            return new ThreadsLent(null, engineThreads);
        }
        setEngineThreads(during);
        return new ThreadsLent(this, engineThreads);
    }

    /** DuckDB's threads beside {@code workers} threads of ours that each run their own queries. */
    private static int threadsLeft(int engineThreads, int workers) {
        return Math.max(1, engineThreads - workers + 1);
    }

    /** DuckDB's threads as {@link #lendThreads(int)} found them, restored on close. */
    public record ThreadsLent(MatrixDatabase database, int restored) implements AutoCloseable {
        @Override
        public void close() {
            if (database != null) {
                database.setEngineThreads(restored);
            }
        }
    }

    private void setEngineThreads(int count) {
        try (PreparedStatement statement = connection.prepareStatement(SqlTemplate.statement("engine/set_threads"))) {
            statement.setInt(1, count);
            statement.execute();
        } catch (SQLException e) {
            throw new HapmatrixException(name + ": cannot set DuckDB's threads: " + DuckDbErrors.oneLine(e), e);
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
        } finally {
            TemporaryFiles.delete(spillFolder);
        }
    }
}
