package org.hapmatrix.store;

import java.io.IOException;
import java.sql.SQLException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.duckdb.DuckDBConnection;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.matrix.MatrixSource;
import org.hapmatrix.matrix.PrefetchingSiteBatchReader;
import org.hapmatrix.matrix.SiteBatchReader;
import org.hapmatrix.util.PhaseTimer;
import org.hapmatrix.util.Progress;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/**
 * Loads a matrix into an in-memory database one segment at a time: each {@link #loadNext()} makes
 * the next segment of about {@code segmentSites} sites the database's {@code matrix} table (with
 * its {@code contigs}), and {@link #dropSegment()} frees it before the next, so memory holds one
 * segment whatever the size of the input. The allele type and the catalog tables are written with
 * the first segment; no views, since nobody keeps this database. The caller owns the loop and
 * does what it likes with each segment (the convert exports it).
 *
 * <p>A segmented load cannot go on when a contig's sites are not in one block or an allele
 * appears after the allele type was declared; {@link #loadNext()} then says so, and the segments
 * already handed over cannot be redone: the caller starts over with a whole load.
 */
public final class SegmentLoader implements AutoCloseable {
    /** What {@link #loadNext()} did: loaded a segment of {@code sites}, found the input ended, or had to stop. */
    public record Segment(long sites, boolean ended, String notSegmentable) {
        public boolean loaded() {
            return !ended && notSegmentable == null;
        }
    }

    private final MatrixDatabase database;
    private final MatrixSource source;
    private final Progress progress;
    private final int batchSites;
    private final int batchesPerSegment;
    private final Handle handle;
    private final SiteBatchReader parser;
    private final boolean ownsParser;
    private final BufferAllocator allocator;
    private final DuckDBConnection connection;
    private final String createMatrix;
    private final SiteBatchArrowReader.ContigBlocks contigBlocks = new SiteBatchArrowReader.ContigBlocks();
    private boolean first = true;
    private boolean inputEnded;
    private int declaredAlleles;
    private long sitesBefore;

    /**
     * Opens {@code source} for a segmented load into {@code database} (in memory);
     * {@code batchSites} 0 sizes batches by the matrix's width (tests use small batches for many segments).
     */
    public SegmentLoader(MatrixDatabase database, MatrixSource source, Progress progress, long segmentSites, int batchSites) {
        this(database, source, null, progress, segmentSites, batchSites);
    }

    /**
     * Opens {@code source} and, with more than one thread, starts parsing its first batch ahead at
     * once, for a {@link SegmentLoader} made later with it: the caller opens the database meanwhile.
     * The caller closes the reader, after the loader.
     */
    public static SiteBatchReader startReading(MatrixSource source, int threads, int batchSites) {
        SiteBatchReader reader = PrefetchingSiteBatchReader.of(source.open(), threads);
        if (reader instanceof PrefetchingSiteBatchReader prefetching) {
            int samples = reader.header().sampleCount();
            prefetching.startParsing(batchSites > 0 ? batchSites : SiteBatchArrowReader.sitesPerBatch(samples + 1), samples);
        }
        return reader;
    }

    /** With the reader {@link #startReading} gave for {@code source} (owned by the caller), or null to open it here. */
    public SegmentLoader(MatrixDatabase database, MatrixSource source, SiteBatchReader started, Progress progress,
                         long segmentSites, int batchSites) {
        this.database = database;
        this.source = source;
        this.progress = progress;
        this.batchSites = batchSites;
        this.ownsParser = started == null;
        Handle opened = database.open();
        SiteBatchReader reader = started;
        try {
            if (reader == null) {
                reader = PrefetchingSiteBatchReader.of(source.open(), database.threads());
            }
            int sitesPerBatch = batchSites > 0 ? batchSites
                    : SiteBatchArrowReader.sitesPerBatch(reader.header().sampleCount() + 1);
            this.batchesPerSegment = (int) Math.min(Integer.MAX_VALUE, Math.max(1, segmentSites / sitesPerBatch));
            this.connection = opened.getConnection().unwrap(DuckDBConnection.class);
            opened.createScript(SqlTemplate.statement("load/create_code_tables")).execute();
            this.createMatrix = MatrixLoader.createMatrixStatement(reader.header(), SqlTemplate.quote(MatrixLoader.ARROW_STREAM));
        } catch (SQLException | RuntimeException e) {
            if (reader != null && ownsParser) {
                reader.close();
            }
            opened.close();
            throw e instanceof SQLException || e instanceof JdbiException ? failure(e) : (RuntimeException) e;
        }
        this.handle = opened;
        this.parser = reader;
        this.allocator = new RootAllocator();
    }

    /** Loads the next segment as the {@code matrix} table; see {@link Segment}. */
    public Segment loadNext() {
        if (inputEnded) {
            return new Segment(0, true, null);
        }
        long start = System.nanoTime();
        try (SiteBatchArrowReader reader = new SiteBatchArrowReader(allocator, parser, progress, batchSites)) {
            if (!reader.prefetchFirstBatch() && !first) {
                inputEnded = true;
                return new Segment(0, true, null);
            }
            if (first) {
                declaredAlleles = MatrixLoader.declareAlphabet(handle, parser);
            }
            // The type declared with the first segment: a later segment's first batch is checked too.
            reader.limitAlphabet(declaredAlleles);
            reader.limitBatches(batchesPerSegment);
            reader.requireContigBlocks(contigBlocks);
            PhaseTimer.done("load: first batch, alphabet", start);
            try {
                MatrixLoader.scan(connection, allocator, reader, createMatrix);
            } catch (SiteBatchArrowReader.AlphabetGrew | SiteBatchArrowReader.ContigsNotInBlocks e) {
                return new Segment(0, false, e.getMessage());
            }
            PhaseTimer.done("load: segment scanned", start);
            handle.execute(SqlTemplate.statement("load/create_contigs"));
            PhaseTimer.done("load: contigs table", start);
            if (first) {
                MatrixLoader.writeSamplesAndPairs(handle, parser.defaultPairs()); // the samples come from the matrix table's columns
                MatrixLoader.insertLoadInfo(handle, source);
                first = false;
            }
            PhaseTimer.done("load: segment", start);
            long sites = parser.sitesRead() - sitesBefore;
            sitesBefore = parser.sitesRead();
            inputEnded = reader.ended();
            return new Segment(sites, false, null);
        } catch (SQLException | JdbiException e) {
            throw failure(e);
        } catch (IOException e) {
            throw new HapmatrixException("closing the Arrow stream failed: " + e.getMessage(), e);
        }
    }

    /** Drops the segment last loaded. */
    public void dropSegment() {
        long start = System.nanoTime();
        try {
            handle.createScript(SqlTemplate.statement("load/drop_segment")).execute();
        } catch (JdbiException e) {
            throw failure(e);
        }
        PhaseTimer.done("load: segment dropped", start);
    }

    /** Sites read from the input so far. */
    public long sitesRead() {
        return parser.sitesRead();
    }

    private RuntimeException failure(Exception e) {
        if (e instanceof HapmatrixException known) {
            return known;
        }
        return new HapmatrixException(database.name() + ": load failed: " + DuckDbErrors.oneLine(MatrixLoader.rootCause(e)), e);
    }

    @Override
    public void close() {
        try (Handle h = handle; SiteBatchReader p = ownsParser ? parser : null; BufferAllocator a = allocator) {
            // closed in reverse order; a reader from startReading is the caller's to close
        }
    }
}
