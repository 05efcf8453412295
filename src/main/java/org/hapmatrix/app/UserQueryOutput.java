package org.hapmatrix.app;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBResultSet;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.io.OutputTarget;
import org.hapmatrix.store.DuckDbErrors;
import org.hapmatrix.store.EngineSettings;
import org.hapmatrix.store.MatrixDatabase;
import org.hapmatrix.store.SqlTemplate;

/**
 * {@code sql -o FILE}: the user's query runs sandboxed as always ({@link MatrixDatabase#openForUserQueries});
 * its result goes to FILE in the format its name says, atomically through an {@link OutputTarget}.
 * CSV, TSV and JSON are {@link ResultFormat}'s printers; Parquet is DuckDB's own writer, run on a
 * second, not sandboxed, in-memory connection that receives the result as an Arrow stream and runs
 * only our fixed statement, so the user's SQL never gets a connection that may write files.
 */
public final class UserQueryOutput {
    private static final String ARROW_STREAM = "user_result";
    private static final int ARROW_BATCH_ROWS = 1 << 16;

    /** The formats a result file can have, by the end of its name (any case). */
    public enum FileFormat {
        parquet(null), csv(ResultFormat.csv), tsv(ResultFormat.tsv), json(ResultFormat.json);

        final ResultFormat printer;

        FileFormat(ResultFormat printer) {
            this.printer = printer;
        }

        /** The format {@code path}'s name says; a usage error for any other name. */
        public static FileFormat ofName(String path) {
            String lower = path.toLowerCase(Locale.ROOT);
            for (FileFormat format : values()) {
                if (lower.endsWith("." + format.name())) {
                    return format;
                }
            }
            throw HapmatrixException.usage(path + ": sql -o writes .parquet, .csv, .tsv or .json; the name says which");
        }
    }

    private UserQueryOutput() {
    }

    /** Runs {@code sql} over {@code databaseFile} and writes its result to {@code output}. */
    public static void run(Path databaseFile, EngineSettings settings, String sql, String output) {
        FileFormat format = FileFormat.ofName(output);
        int statements = SqlScript.statements(sql).size();
        if (statements > 1) {
            throw HapmatrixException.usage(output + ": -o writes the result of one statement, and the SQL holds "
                    + statements + " (run them without -o, or make them one query)");
        }
        OutputTarget.checkWritable(output);
        OutputTarget.requireNotAnInput(output, Map.of("database", databaseFile));
        try (MatrixDatabase db = MatrixDatabase.openForUserQueries(databaseFile, settings);
             Connection connection = db.newConnection();
             Statement statement = connection.createStatement()) {
            if (!UserQuery.execute(statement, sql, List.of(), databaseFile, settings)) {
                throw HapmatrixException.usage(databaseFile + ": the statement returns no result to write to " + output);
            }
            try (ResultSet rows = statement.getResultSet();
                 OutputTarget target = OutputTarget.open(output, false)) {
                if (format.printer != null) {
                    PrintWriter out = new PrintWriter(new OutputStreamWriter(failingWithTheReason(target), StandardCharsets.UTF_8));
                    format.printer.print(rows, out);
                    out.flush();
                } else {
                    Path file = target.temporaryFile() != null ? target.temporaryFile() : Path.of(output).toAbsolutePath();
                    writeParquet((DuckDBResultSet) rows, file, output);
                }
                target.commit();
            }
        } catch (SQLException e) {
            throw new HapmatrixException(databaseFile + ": " + DuckDbErrors.oneLine(e), e);
        }
    }

    private static void writeParquet(DuckDBResultSet rows, Path file, String output) throws SQLException {
        String copy = SqlTemplate.named("user/copy_result_to_parquet").render(Map.of(
                "arrow_stream", SqlTemplate.quote(ARROW_STREAM), "path", stringLiteral(file.toString())));
        // The writer connection outlives the stream it was handed (closing it releases that stream).
        try (DuckDBConnection writer = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
             BufferAllocator allocator = new RootAllocator();
             ArrowArrayStream stream = ArrowArrayStream.allocateNew(allocator);
             Statement statement = writer.createStatement()) {
            // The exported stream owns the reader from here on: its release closes the reader.
            ArrowReader reader = (ArrowReader) rows.arrowExportStream(allocator, ARROW_BATCH_ROWS);
            Data.exportArrayStream(allocator, reader, stream);
            writer.registerArrowStream(ARROW_STREAM, stream);
            statement.execute(copy);
        } catch (SQLException e) {
            String reason = writeFailureReason(e.getMessage());
            throw new HapmatrixException(output + ": " + (reason != null ? "write failed: " + reason : DuckDbErrors.oneLine(e)), e);
        }
    }

    /**
     * {@code target}'s stream, whose failed write ends the run with the reason ({@code write
     * failed: No space left on device}): PrintWriter would swallow the IOException and leave only
     * {@link PrintWriter#checkError()}, which has none.
     */
    private static OutputStream failingWithTheReason(OutputTarget target) {
        OutputStream stream = target.stream();
        return new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                try {
                    stream.write(bytes, offset, length);
                } catch (IOException e) {
                    throw target.writeFailure(e);
                }
            }

            @Override
            public void flush() {
                try {
                    stream.flush();
                } catch (IOException e) {
                    throw target.writeFailure(e);
                }
            }
        };
    }

    /** What DuckDB wrote that a file could not be opened or written (an IO Error), else null. */
    private static final Pattern FILE_FAILURE = Pattern.compile(
            "(?:Could not write file|Cannot open file|Could not open file) \\\\?\".*\\\\?\": ([^\"\\\\]+)");

    /**
     * The system's reason in DuckDB's message about a file its Parquet writer could not write,
     * else null: the message names the scratch file the user never chose, and may wrap the
     * reason in JSON ({@code IO Error: Async write failed ...: {"exception_message":"Could not
     * write file \"/d/.x.parquet.hm-...part\": No space left on device","errno":"28"}}).
     */
    static String writeFailureReason(String duckDbMessage) {
        if (duckDbMessage == null || !duckDbMessage.startsWith("IO Error")) {
            return null;
        }
        Matcher failure = FILE_FAILURE.matcher(duckDbMessage);
        return failure.find() ? failure.group(1).strip() : null;
    }

    /**
     * A DuckDB string literal holding {@code text} exactly: quotes doubled, and backslashes are
     * plain characters in a standard {@code '...'} literal, so no path can end the literal early.
     */
    static String stringLiteral(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
