package org.hapmatrix.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.app.ResultFormat;
import org.hapmatrix.app.UserQuery;
import org.hapmatrix.app.UserQueryOutput;
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
    ResultFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the result to FILE, in the format its name says: .parquet (DuckDB's Parquet writer), .csv, .tsv or .json; written atomically.")
    String output;

    static final class QuerySource {
        @Parameters(paramLabel = "QUERY", description = "The SQL to run.")
        String query;

        @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Read the SQL from FILE (- for standard input).")
        Path file;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    QuerySource source;

    @Override
    public Integer call() {
        String sql = source.query != null ? source.query : readQueryFile(source.file);
        if (output != null && !"-".equals(output)) {
            if (format != null) {
                throw HapmatrixException.usage("--format is for standard output; with -o the file's name says the format");
            }
            UserQueryOutput.run(database.file, engine.settings(), sql, output);
            return 0;
        }
        UserQuery.run(database.file, engine.settings(), sql, format != null ? format : ResultFormat.table, out());
        return 0;
    }

    private static String readQueryFile(Path file) {
        try {
            if ("-".equals(file.toString())) {
                return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(System.in.readAllBytes())).toString();
            }
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
