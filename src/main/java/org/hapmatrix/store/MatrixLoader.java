package org.hapmatrix.store;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.Version;
import org.hapmatrix.matrix.MatrixHeader;
import org.hapmatrix.matrix.MatrixSource;
import org.hapmatrix.matrix.PhaseSets;
import org.hapmatrix.matrix.PrefetchingSiteBatchReader;
import org.hapmatrix.matrix.SamplePair;
import org.hapmatrix.matrix.SiteBatchReader;
import org.hapmatrix.util.PhaseTimer;
import org.hapmatrix.util.Progress;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Loads a matrix into an empty database: the parser's integer codes stream in through Arrow and
 * become the {@code matrix} table with allele ENUM columns, next to the catalog tables and views
 * (see README, "The database").
 *
 * <p>The ENUM must exist before the table is written, but the alphabet is known only once the
 * data is read. A file is loaded in one pass with the alphabet of its first batch, which almost
 * always is the whole alphabet; if a later batch brings a new allele, the file is read again
 * through a staging table of codes. Standard input, which cannot be read twice, always takes
 * that staged way.
 */
public final class MatrixLoader {
    static final String ARROW_STREAM = "hapmatrix_parsed_sites";
    private static final String STAGED_SITES = "staged_sites";

    private MatrixLoader() {
    }

    /** Loads the whole matrix, in batches sized by its width; returns the number of sites. */
    public static long load(MatrixDatabase database, MatrixSource source, Progress progress) {
        return load(database, source, progress, 0);
    }

    /** As {@link #load(MatrixDatabase, MatrixSource, Progress)}; tests use small batches to reach the staged way. */
    static long load(MatrixDatabase database, MatrixSource source, Progress progress, int batchSites) {
        try (Handle handle = database.open()) {
            DuckDBConnection connection = handle.getConnection().unwrap(DuckDBConnection.class);
            handle.createScript(SqlTemplate.statement("load/create_code_tables")).execute();
            long sites = -1;
            List<SamplePair> defaultPairs = List.of();
            if (source.reopenable()) {
                try (SiteBatchReader parser = PrefetchingSiteBatchReader.of(source.open(), database.threads())) {
                    defaultPairs = parser.defaultPairs();
                    long start = System.nanoTime();
                    sites = loadInOnePass(handle, connection, parser, progress, batchSites);
                    PhaseTimer.done("load: matrix in one pass", start);
                    if (sites >= 0) {
                        loadPhaseSets(handle, connection, parser.phaseSets());
                    }
                }
            }
            if (sites < 0) {
                try (SiteBatchReader parser = PrefetchingSiteBatchReader.of(source.open(), database.threads())) {
                    defaultPairs = parser.defaultPairs();
                    long start = System.nanoTime();
                    sites = loadStaged(handle, connection, parser, progress, batchSites);
                    PhaseTimer.done("load: matrix through staging", start);
                    loadPhaseSets(handle, connection, parser.phaseSets());
                }
            }
            long start = System.nanoTime();
            handle.execute(SqlTemplate.statement("load/create_contigs"));
            handle.createScript(SqlTemplate.statement("load/drop_staging")).execute();
            writeCatalog(handle, defaultPairs, source);
            PhaseTimer.done("load: catalog", start);
            return sites;
        } catch (SQLException | JdbiException e) {
            throw new HapmatrixException(database.name() + ": load failed: " + DuckDbErrors.oneLine(rootCause(e)), e);
        }
    }

    /** The reader's phase sets (none for a genome matrix) into the phase_sets table. */
    private static void loadPhaseSets(Handle handle, DuckDBConnection connection, PhaseSets phaseSets) throws SQLException {
        if (phaseSets == null) {
            return;
        }
        long start = System.nanoTime();
        handle.execute(SqlTemplate.statement("load/create_phase_sets"));
        List<String> samples = phaseSets.samples();
        try (DuckDBAppender appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "phase_sets")) {
            SQLException[] failure = new SQLException[1];
            phaseSets.forEach((site, sample, phaseSet) -> {
                if (failure[0] == null) {
                    try {
                        appender.beginRow().append(site).append(samples.get(sample)).append(phaseSet).endRow();
                    } catch (SQLException e) {
                        failure[0] = e;
                    }
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
        }
        PhaseTimer.done("load: phase sets", start);
    }

    static Throwable rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** Streams the parser straight into the matrix table; -1 if the alphabet grew after the first batch. */
    private static long loadInOnePass(Handle handle, DuckDBConnection connection, SiteBatchReader parser,
                                      Progress progress, int batchSites) throws SQLException {
        long start = System.nanoTime();
        try (BufferAllocator allocator = new RootAllocator();
             SiteBatchArrowReader reader = new SiteBatchArrowReader(allocator, parser, progress, batchSites)) {
            reader.prefetchFirstBatch();
            reader.limitAlphabet(declareAlphabet(handle, parser));
            try {
                scan(connection, allocator, reader, createMatrixStatement(parser.header(), SqlTemplate.quote(ARROW_STREAM)));
            } catch (SiteBatchArrowReader.AlphabetGrew e) {
                handle.createScript(SqlTemplate.statement("load/discard_alphabet")).execute();
                return -1;
            }
            return parser.sitesRead();
        } catch (IOException e) {
            throw new HapmatrixException("closing the Arrow stream failed: " + e.getMessage(), e);
        }
    }

    /** Stages all codes first, then declares the alphabet and maps the staged codes into the matrix table. */
    private static long loadStaged(Handle handle, DuckDBConnection connection, SiteBatchReader parser,
                                   Progress progress, int batchSites) throws SQLException {
        long start = System.nanoTime();
        try (BufferAllocator allocator = new RootAllocator();
             SiteBatchArrowReader reader = new SiteBatchArrowReader(allocator, parser, progress, batchSites)) {
            scan(connection, allocator, reader, SqlTemplate.named("load/stage_sites")
                    .render(Map.of("arrow_stream", SqlTemplate.quote(ARROW_STREAM))));
        } catch (IOException e) {
            throw new HapmatrixException("closing the Arrow stream failed: " + e.getMessage(), e);
        }
        PhaseTimer.done("load: staged", start);
        declareAlphabet(handle, parser);
        handle.execute(createMatrixStatement(parser.header(), SqlTemplate.quote(STAGED_SITES)));
        return parser.sitesRead();
    }

    /** Runs {@code sql}, which reads the reader's batches as the Arrow stream {@value #ARROW_STREAM}. */
    static void scan(DuckDBConnection connection, BufferAllocator allocator, SiteBatchArrowReader reader,
                             String sql) throws SQLException {
        try (ArrowArrayStream stream = ArrowArrayStream.allocateNew(allocator);
             Statement statement = connection.createStatement()) {
            Data.exportArrayStream(allocator, reader, stream);
            connection.registerArrowStream(ARROW_STREAM, stream);
            try {
                statement.execute(sql);
            } catch (SQLException e) {
                // DuckDB only relays the text of the parser's error; throw the parser's own exception.
                if (reader.failure() != null) {
                    throw reader.failure();
                }
                throw e;
            }
        }
    }

    /**
     * Declares the allele type with the alleles read so far and returns how many: batches parsed
     * ahead may add more meanwhile, so the limit is this count, not the dictionary's later size.
     */
    static int declareAlphabet(Handle handle, SiteBatchReader parser) {
        List<String> alleles = parser.alleles().values();
        insertAlleleCodes(handle, alleles);
        handle.execute(SqlTemplate.statement("load/create_allele_type"));
        return alleles.size();
    }

    private static void insertAlleleCodes(Handle handle, List<String> values) {
        PreparedBatch batch = handle.prepareBatch(SqlTemplate.statement("load/insert_allele_code"));
        for (int code = 0; code < values.size(); code++) {
            batch.bind("code", code).bind("allele", values.get(code)).add();
        }
        if (!values.isEmpty()) {
            executeBatch(handle, batch);
        }
    }

    /**
     * Runs a batch in its own transaction: in autocommit mode DuckDB's JDBC batch reports a failed
     * rollback ("no transaction is active") in place of the error that stopped it (out of memory, say).
     */
    private static void executeBatch(Handle handle, PreparedBatch batch) {
        handle.useTransaction(h -> batch.execute());
    }

    static String createMatrixStatement(MatrixHeader header, String sites) {
        SqlTemplate sampleColumn = SqlTemplate.named("load/create_matrix.sample");
        List<String> columns = new ArrayList<>();
        for (String sample : header.samples()) {
            columns.add(sampleColumn.render(Map.of("sample", SqlTemplate.quote(sample))));
        }
        return SqlTemplate.named("load/create_matrix").render(Map.of("sample_columns", SqlTemplate.list(columns), "sites", sites));
    }

    private static void writeCatalog(Handle handle, List<SamplePair> defaultPairs, MatrixSource source) {
        writeSamplesAndPairs(handle, defaultPairs);
        insertLoadInfo(handle, source);
        handle.createScript(SqlTemplate.statement("load/create_views")).execute();
    }

    /** The load_info row (for a segmented load, with the first segment's counts: the catalog reads one row). */
    static void insertLoadInfo(Handle handle, MatrixSource source) {
        handle.createUpdate(SqlTemplate.statement("load/insert_load_info"))
                .bind("source", source.name())
                .bind("source_bytes", source.sizeBytes() < 0 ? null : source.sizeBytes())
                .bind("header_source", source.headerSource())
                .bind("hapmatrix_version", Version.current())
                .execute();
    }

    /** The catalog tables with their samples and default pairs (load_info stays empty), and the allele macros. */
    static void writeSamplesAndPairs(Handle handle, List<SamplePair> defaultPairs) {
        handle.createScript(SqlTemplate.statement("load/create_catalog")).execute();
        handle.execute(SqlTemplate.statement("load/insert_samples"));
        List<SamplePair> pairs = defaultPairs;
        if (!pairs.isEmpty()) {
            PreparedBatch batch = handle.prepareBatch(SqlTemplate.statement("load/insert_pair"));
            for (int i = 0; i < pairs.size(); i++) {
                SamplePair pair = pairs.get(i);
                batch.bind("pair", pair.name()).bind("sample_a", pair.sampleA())
                        .bind("sample_b", pair.sampleB()).bind("ordinal", i + 1).add();
            }
            executeBatch(handle, batch);
        }
        // The macros the any-alphabet export and the views use (they need the allele type only).
        handle.createScript(SqlTemplate.statement("load/create_allele_macros")).execute();
    }
}
