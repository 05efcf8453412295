package org.hapmatrix.store;

import org.hapmatrix.HapmatrixException;
import org.hapmatrix.Version;
import org.hapmatrix.format.MatrixParser;
import org.hapmatrix.matrix.MatrixHeader;
import org.hapmatrix.matrix.MatrixSource;
import org.hapmatrix.matrix.SamplePair;
import org.hapmatrix.matrix.SamplePairs;
import org.hapmatrix.util.PhaseTimer;
import org.hapmatrix.util.Progress;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.Version;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.Version;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.Version;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.Version;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.Version;
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
import org.duckdb.DuckDBConnection;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.Version;
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
    private static final String ARROW_STREAM = "hapmatrix_parsed_sites";
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
            handle.createScript(SqlTemplate.statement("create_code_tables")).execute();
            long sites = -1;
            MatrixHeader header = null;
            if (source.reopenable()) {
                try (MatrixParser parser = source.open()) {
                    header = parser.header();
                    long start = System.nanoTime();
                    sites = loadInOnePass(handle, connection, parser, progress, batchSites);
                    PhaseTimer.done("load: matrix in one pass", start);
                }
            }
            if (sites < 0) {
                try (MatrixParser parser = source.open()) {
                    header = parser.header();
                    long start = System.nanoTime();
                    sites = loadStaged(handle, connection, parser, progress, batchSites);
                    PhaseTimer.done("load: matrix through staging", start);
                }
            }
            long start = System.nanoTime();
            handle.execute(SqlTemplate.statement("create_contigs"));
            handle.createScript(SqlTemplate.statement("drop_staging")).execute();
            writeCatalog(handle, header, source);
            PhaseTimer.done("load: catalog", start);
            return sites;
        } catch (SQLException | JdbiException e) {
            throw new HapmatrixException(database.name() + ": load failed: " + DuckDbErrors.oneLine(rootCause(e)), e);
        }
    }

    /** Receives each segment of a segmented load while it is the database's {@code matrix} table. */
    public interface SegmentConsumer {
        /** Called with the number of sites of the segment now loaded (with its {@code contigs} table). */
        void accept(long sites);
    }

    /**
     * A segmented load cannot go on: a contig's sites are not in one block, or an allele appeared
     * after the allele type was declared. The caller starts over with a whole load.
     */
    public static final class NotSegmentable extends RuntimeException {
        NotSegmentable(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * Loads the matrix into {@code database} (in memory) one segment of about {@code segmentSites}
     * sites at a time: each segment becomes the {@code matrix} table with its {@code contigs},
     * goes to {@code consumer}, and is dropped before the next one is read, so memory holds one
     * segment whatever the size of the input. The allele type and the catalog tables are written
     * once; no views, since nobody keeps this database. Returns the number of sites.
     *
     * @throws NotSegmentable if the contigs are not in blocks or the alphabet grows after the
     *                        first batch (segments already handed over cannot be redone)
     */
    public static long loadInSegments(MatrixDatabase database, MatrixSource source, Progress progress,
                                      long segmentSites, SegmentConsumer consumer) {
        return loadInSegments(database, source, progress, segmentSites, consumer, 0);
    }

    /**
     * As {@link #loadInSegments(MatrixDatabase, MatrixSource, Progress, long, SegmentConsumer)};
     * tests use small batches for many segments ({@code batchSites} 0: by the matrix's width).
     */
    public static long loadInSegments(MatrixDatabase database, MatrixSource source, Progress progress, long segmentSites,
                                      SegmentConsumer consumer, int batchSites) {
        try (Handle handle = database.open();
             MatrixParser parser = source.open();
             BufferAllocator allocator = new RootAllocator()) {
            int sitesPerBatch = batchSites > 0 ? batchSites
                    : SiteBatchArrowReader.sitesPerBatch(parser.header().sampleCount() + 1);
            int batchesPerSegment = (int) Math.min(Integer.MAX_VALUE, Math.max(1, segmentSites / sitesPerBatch));
            DuckDBConnection connection = handle.getConnection().unwrap(DuckDBConnection.class);
            handle.createScript(SqlTemplate.statement("create_code_tables")).execute();
            String createMatrix = createMatrixStatement(parser.header(), SqlTemplate.quote(ARROW_STREAM));
            SiteBatchArrowReader.ContigBlocks contigBlocks = new SiteBatchArrowReader.ContigBlocks();
            boolean first = true;
            int declaredAlleles = 0;
            long sitesBefore = 0;
            while (true) {
                long start = System.nanoTime();
                try (SiteBatchArrowReader reader = new SiteBatchArrowReader(allocator, parser, progress, batchSites)) {
                    if (!reader.prefetchFirstBatch() && !first) {
                        break;
                    }
                    if (first) {
                        declareAlphabet(handle, parser);
                        declaredAlleles = parser.alleles().size();
                    }
                    // The type declared with the first segment: a later segment's first batch is checked too.
                    reader.limitAlphabet(declaredAlleles);
                    reader.limitBatches(batchesPerSegment);
                    reader.requireContigBlocks(contigBlocks);
                    PhaseTimer.done("load: first batch, alphabet", start);
                    try {
                        scan(connection, allocator, reader, createMatrix);
                    } catch (SiteBatchArrowReader.AlphabetGrew | SiteBatchArrowReader.ContigsNotInBlocks e) {
                        throw new NotSegmentable(e.getMessage());
                    }
                    PhaseTimer.done("load: segment scanned", start);
                    handle.execute(SqlTemplate.statement("create_contigs"));
                    PhaseTimer.done("load: contigs table", start);
                    if (first) {
                        writeSamplesAndPairs(handle, parser.header()); // the samples come from the matrix table's columns
                        insertLoadInfo(handle, source);
                        first = false;
                    }
                    PhaseTimer.done("load: segment", start);
                    consumer.accept(parser.sitesRead() - sitesBefore);
                    sitesBefore = parser.sitesRead();
                    long dropStart = System.nanoTime();
                    handle.createScript(SqlTemplate.statement("drop_segment")).execute();
                    PhaseTimer.done("load: segment dropped", dropStart);
                    if (reader.ended()) {
                        break;
                    }
                }
            }
            return parser.sitesRead();
        } catch (SQLException | JdbiException e) {
            throw new HapmatrixException(database.name() + ": load failed: " + DuckDbErrors.oneLine(rootCause(e)), e);
        } catch (IOException e) {
            throw new HapmatrixException("closing the Arrow stream failed: " + e.getMessage(), e);
        }
    }

    private static Throwable rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** Streams the parser straight into the matrix table; -1 if the alphabet grew after the first batch. */
    private static long loadInOnePass(Handle handle, DuckDBConnection connection, MatrixParser parser,
                                      Progress progress, int batchSites) throws SQLException {
        long start = System.nanoTime();
        try (BufferAllocator allocator = new RootAllocator();
             SiteBatchArrowReader reader = new SiteBatchArrowReader(allocator, parser, progress, batchSites)) {
            reader.prefetchFirstBatch();
            declareAlphabet(handle, parser);
            reader.limitAlphabet(parser.alleles().size());
            try {
                scan(connection, allocator, reader, createMatrixStatement(parser.header(), SqlTemplate.quote(ARROW_STREAM)));
            } catch (SiteBatchArrowReader.AlphabetGrew e) {
                handle.createScript(SqlTemplate.statement("discard_alphabet")).execute();
                return -1;
            }
            return parser.sitesRead();
        } catch (IOException e) {
            throw new HapmatrixException("closing the Arrow stream failed: " + e.getMessage(), e);
        }
    }

    /** Stages all codes first, then declares the alphabet and maps the staged codes into the matrix table. */
    private static long loadStaged(Handle handle, DuckDBConnection connection, MatrixParser parser,
                                   Progress progress, int batchSites) throws SQLException {
        long start = System.nanoTime();
        try (BufferAllocator allocator = new RootAllocator();
             SiteBatchArrowReader reader = new SiteBatchArrowReader(allocator, parser, progress, batchSites)) {
            scan(connection, allocator, reader, SqlTemplate.named("stage_sites")
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
    private static void scan(DuckDBConnection connection, BufferAllocator allocator, SiteBatchArrowReader reader,
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

    private static void declareAlphabet(Handle handle, MatrixParser parser) {
        insertAlleleCodes(handle, parser.alleles().values());
        handle.execute(SqlTemplate.statement("create_allele_type"));
    }

    private static void insertAlleleCodes(Handle handle, List<String> values) {
        PreparedBatch batch = handle.prepareBatch(SqlTemplate.statement("insert_allele_code"));
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

    private static String createMatrixStatement(MatrixHeader header, String sites) {
        SqlTemplate sampleColumn = SqlTemplate.named("create_matrix.sample");
        List<String> columns = new ArrayList<>();
        for (String sample : header.samples()) {
            columns.add(sampleColumn.render(Map.of("sample", SqlTemplate.quote(sample))));
        }
        return SqlTemplate.named("create_matrix").render(Map.of("sample_columns", SqlTemplate.list(columns), "sites", sites));
    }

    private static void writeCatalog(Handle handle, MatrixHeader header, MatrixSource source) {
        writeSamplesAndPairs(handle, header);
        insertLoadInfo(handle, source);
        handle.createScript(SqlTemplate.statement("create_views")).execute();
    }

    /** The load_info row (for a segmented load, with the first segment's counts: the catalog reads one row). */
    private static void insertLoadInfo(Handle handle, MatrixSource source) {
        handle.createUpdate(SqlTemplate.statement("insert_load_info"))
                .bind("source", source.name())
                .bind("source_bytes", source.sizeBytes() < 0 ? null : source.sizeBytes())
                .bind("header_source", source.headerSource())
                .bind("hapmatrix_version", Version.current())
                .execute();
    }

    /** The catalog tables with their samples and default pairs (load_info stays empty), and the allele macros. */
    private static void writeSamplesAndPairs(Handle handle, MatrixHeader header) {
        handle.createScript(SqlTemplate.statement("create_catalog")).execute();
        handle.execute(SqlTemplate.statement("insert_samples"));
        List<SamplePair> pairs = SamplePairs.byNamingRule(header.samples());
        if (!pairs.isEmpty()) {
            PreparedBatch batch = handle.prepareBatch(SqlTemplate.statement("insert_pair"));
            for (int i = 0; i < pairs.size(); i++) {
                SamplePair pair = pairs.get(i);
                batch.bind("pair", pair.name()).bind("sample_a", pair.sampleA())
                        .bind("sample_b", pair.sampleB()).bind("ordinal", i + 1).add();
            }
            executeBatch(handle, batch);
        }
        // The macros the any-alphabet export and the views use (they need the allele type only).
        handle.createScript(SqlTemplate.statement("create_allele_macros")).execute();
    }
}
