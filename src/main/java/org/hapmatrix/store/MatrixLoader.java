package org.hapmatrix.store;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.duckdb.DuckDBConnection;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.Version;
import org.hapmatrix.matrix.MatrixHeader;
import org.hapmatrix.matrix.MatrixParser;
import org.hapmatrix.matrix.SamplePair;
import org.hapmatrix.matrix.SamplePairs;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Loads a parsed matrix into an empty database: the parser's integer codes stream in through
 * Arrow into a staging table, then become the {@code matrix} table with allele ENUM columns,
 * next to the catalog tables and views (see README, "The database").
 */
public final class MatrixLoader {
    private static final String ARROW_STREAM = "hapmatrix_parsed_sites";

    private MatrixLoader() {
    }

    /** Where the matrix came from, recorded in {@code load_info}. */
    public record Source(String matrix, long matrixBytes, String header) {
    }

    /** Loads everything the parser yields; returns the number of sites. */
    public static long load(MatrixDatabase database, MatrixParser parser, Source source, LoadProgress progress) {
        try (Handle handle = Jdbi.open(database.newConnection())) {
            DuckDBConnection connection = handle.getConnection().unwrap(DuckDBConnection.class);
            stageSites(connection, parser, progress);
            handle.createScript(SqlTemplate.statement("create_code_tables")).execute();
            insertCodes(handle, "insert_allele_code", "allele", parser.alleles().values());
            insertCodes(handle, "insert_contig_code", "contig", parser.contigs().values());
            handle.execute(SqlTemplate.statement("create_allele_type"));
            handle.createScript(SqlTemplate.statement("set_code_lookups")).execute();
            handle.execute(createMatrixStatement(parser.header()));
            handle.execute(SqlTemplate.statement("create_contigs"));
            handle.createScript(SqlTemplate.statement("drop_staging")).execute();
            writeCatalog(handle, parser.header(), source);
            return parser.sitesRead();
        } catch (SQLException | JdbiException e) {
            throw new HapmatrixException(database.file() + ": load failed: " + DuckDbErrors.oneLine(rootCause(e)), e);
        }
    }

    private static Throwable rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static void stageSites(DuckDBConnection connection, MatrixParser parser, LoadProgress progress)
            throws SQLException {
        try (BufferAllocator allocator = new RootAllocator();
             SiteBatchArrowReader reader = new SiteBatchArrowReader(allocator, parser, progress);
             ArrowArrayStream stream = ArrowArrayStream.allocateNew(allocator);
             Statement statement = connection.createStatement()) {
            Data.exportArrayStream(allocator, reader, stream);
            connection.registerArrowStream(ARROW_STREAM, stream);
            try {
                statement.execute(SqlTemplate.named("stage_sites")
                        .render(Map.of("arrow_stream", SqlTemplate.quote(ARROW_STREAM))));
            } catch (SQLException e) {
                // DuckDB only relays the text of the parser's error; throw the parser's own exception.
                if (reader.failure() != null) {
                    throw reader.failure();
                }
                throw e;
            }
        } catch (java.io.IOException e) {
            throw new HapmatrixException("closing the Arrow stream failed: " + e.getMessage(), e);
        }
    }

    private static void insertCodes(Handle handle, String statement, String valueName, List<String> values) {
        PreparedBatch batch = handle.prepareBatch(SqlTemplate.statement(statement));
        for (int code = 0; code < values.size(); code++) {
            batch.bind("code", code).bind(valueName, values.get(code)).add();
        }
        if (!values.isEmpty()) {
            batch.execute();
        }
    }

    private static String createMatrixStatement(MatrixHeader header) {
        SqlTemplate sampleColumn = SqlTemplate.named("create_matrix.sample");
        List<String> columns = new ArrayList<>();
        for (String sample : header.samples()) {
            columns.add(sampleColumn.render(Map.of("sample", SqlTemplate.quote(sample))));
        }
        return SqlTemplate.named("create_matrix").render(Map.of("sample_columns", SqlTemplate.list(columns)));
    }

    private static void writeCatalog(Handle handle, MatrixHeader header, Source source) {
        handle.createScript(SqlTemplate.statement("create_catalog")).execute();
        PreparedBatch samples = handle.prepareBatch(SqlTemplate.statement("insert_sample"));
        List<String> names = header.samples();
        for (int i = 0; i < names.size(); i++) {
            samples.bind("sample", names.get(i)).bind("column_number", i + 4).add();
        }
        samples.execute();
        List<SamplePair> pairs = SamplePairs.byNamingRule(names);
        if (!pairs.isEmpty()) {
            PreparedBatch batch = handle.prepareBatch(SqlTemplate.statement("insert_pair"));
            for (int i = 0; i < pairs.size(); i++) {
                SamplePair pair = pairs.get(i);
                batch.bind("pair", pair.name()).bind("sample_a", pair.sampleA())
                        .bind("sample_b", pair.sampleB()).bind("ordinal", i + 1).add();
            }
            batch.execute();
        }
        handle.createUpdate(SqlTemplate.statement("insert_load_info"))
                .bind("source", source.matrix())
                .bind("source_bytes", source.matrixBytes() < 0 ? null : source.matrixBytes())
                .bind("header_source", source.header())
                .bind("hapmatrix_version", Version.current())
                .execute();
        handle.createScript(SqlTemplate.statement("create_views")).execute();
    }
}
