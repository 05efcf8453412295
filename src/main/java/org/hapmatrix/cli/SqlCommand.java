package org.hapmatrix.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.export.ResultFormat;
import org.hapmatrix.store.DuckDbErrors;
import org.hapmatrix.store.MatrixDatabase;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sql}: ad hoc SQL over a loaded database, opened read-only and sandboxed, so nothing can change it or other files. */
@Command(name = "sql",
        description = "Run SQL over a loaded database (read-only) and print the result.")
final class SqlCommand extends DatabaseCommand {
    @Mixin
    DatabaseOption database;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "table (default), tsv, csv or json (an array of objects; NaN and infinities as strings).")
    ResultFormat format = ResultFormat.table;

    static final class QuerySource {
        @Parameters(paramLabel = "QUERY", description = "The SQL to run.")
        String query;

        @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Read the SQL from FILE.")
        Path file;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    QuerySource source;

    @Override
    public Integer call() {
        String sql = source.query != null ? source.query : readQueryFile(source.file);
        try (MatrixDatabase db = MatrixDatabase.openForUserQueries(database.file, engine.settings());
             Connection connection = db.newConnection();
             Statement statement = connection.createStatement()) {
            PrintWriter out = out();
            if (statement.execute(sql)) {
                try (ResultSet rows = statement.getResultSet()) {
                    format.print(rows, out);
                }
            }
            out.flush();
            return 0;
        } catch (SQLException e) {
            throw new HapmatrixException(database.file + ": " + DuckDbErrors.oneLine(e), e);
        }
    }

    private static String readQueryFile(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw HapmatrixException.usage(file + ": no such SQL file");
        } catch (CharacterCodingException e) {
            throw HapmatrixException.usage(file + ": SQL file is not valid UTF-8");
        } catch (IOException e) {
            throw HapmatrixException.usage(file + ": cannot read SQL file: " + e.getMessage());
        }
    }
}
