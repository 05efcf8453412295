package org.hapmatrix.export;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBResultSet;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.format.BgzfPart;
import org.hapmatrix.format.GapAlleles;
import org.hapmatrix.format.GapCounts;
import org.hapmatrix.format.SiteFormatter;
import org.hapmatrix.io.OutputTarget;
import org.hapmatrix.store.ContigInfo;
import org.hapmatrix.store.DuckDbErrors;
import org.hapmatrix.store.MatrixDatabase;
import org.hapmatrix.util.PhaseTimer;
import org.hapmatrix.util.Progress;

/**
 * Writes the haplotype table from a loaded database. The contigs' rowid ranges are cut into work
 * units ({@link WorkUnit}); worker threads, each with one DuckDB connection and one prepared
 * {@code haplotype_sites} statement for all its units, format each unit's rows into its part
 * ({@link OrderedParts}, in memory); the parts reach the output in unit order, so the table comes
 * out grouped by contig in first-appearance order, sites in input order.
 */
public final class HaplotypeExporter {
    /**
     * Rowids per work unit: large enough to amortise a query, small enough to spread one contig
     * over threads, and bounded in cells so that a unit's result fits a small memory limit also
     * for wide matrices (thousands of pairs). 2^18 rather than 2^20: a segment's last units end
     * closer together, so fewer cores wait at its end, and less finished output waits for its
     * turn in memory (4M sites: 2.34 -> 2.18 s; 40M: peak 515 -> 410 MiB; bench/RESULTS.md).
     */
    static final long MAX_ROWS_PER_UNIT = 1L << 18;
    private static final long MIN_ROWS_PER_UNIT = 1L << 16;
    private static final long MAX_CELLS_PER_UNIT = 1L << 25;
    /** Rows per Arrow batch, bounded in cells so that a batch of a wide result stays small. */
    private static final int MAX_ARROW_BATCH_ROWS = 1 << 16;
    private static final int MIN_ARROW_BATCH_ROWS = 1 << 8;
    private static final long MAX_ARROW_BATCH_CELLS = 1L << 22;
    /** Formatted bytes the workers may hold ahead of the unit being written out. */
    private static final long PARTS_BUDGET_BYTES = 64L << 20;
    /** How long an export waits for its workers to finish their last query and close their connections. */
    private static final long WORKER_CLOSE_SECONDS = 300;

    private final MatrixDatabase database;
    private final List<String> alleles;
    private final long rowsPerUnit;

    public HaplotypeExporter(MatrixDatabase database, List<String> alleles) {
        this(database, alleles, 0);
    }

    /** With a chosen work unit size (0: by the result's width); tests use small units to split contigs across threads. */
    public HaplotypeExporter(MatrixDatabase database, List<String> alleles, long rowsPerUnit) {
        this.database = database;
        this.alleles = List.copyOf(alleles);
        this.rowsPerUnit = rowsPerUnit;
    }

    private long rowsPerUnit(int pairCount) {
        if (rowsPerUnit > 0) {
            return rowsPerUnit;
        }
        return Math.max(MIN_ROWS_PER_UNIT, Math.min(MAX_ROWS_PER_UNIT, MAX_CELLS_PER_UNIT / resultColumns(pairCount)));
    }

    private static long resultColumns(int pairCount) {
        return 2L * pairCount + 4;
    }

    private static int arrowBatchRows(int pairCount) {
        return (int) Math.max(MIN_ARROW_BATCH_ROWS, Math.min(MAX_ARROW_BATCH_ROWS, MAX_ARROW_BATCH_CELLS / resultColumns(pairCount)));
    }

    /** What an export wrote: its records (lines), and what {@code --gaps deletion} did. */
    public record Written(long lines, GapCounts gaps) {
    }

    /** Writes the table (tsv) to {@code output}; returns the number of sites written. */
    public Written export(ExportPlan plan, OutputTarget output, Progress progress) {
        return export(plan, ExportLayout.TABLE, output, null, progress);
    }

    /** Refuses, before any output file is created, a request the layout cannot write (names the format cannot hold). */
    public void check(ExportPlan plan, ExportLayout layout) {
        layout.format().check(plan.pairs(), contigNames(plan), database.name());
    }

    /**
     * Writes the header and every written site to {@code output} in the layout's format, and the
     * index if the layout has one; returns the number of sites written.
     *
     * @param index for an indexed output, where its index goes once its kind is known; else null
     */
    public Written export(ExportPlan plan, ExportLayout layout, OutputTarget output, IndexOutput index, Progress progress) {
        try (ExportOutput appended = new ExportOutput(layout, output, database.name(), false)) {
            Written written = export(plan, layout, appended, progress);
            appended.finish(index);
            return written;
        }
    }

    /**
     * Appends every written site to {@code output} in the layout's format (with the header, if it
     * goes first and is not written yet); returns the number of sites written. A convert by
     * segments appends each segment's, then finishes the output.
     */
    public Written export(ExportPlan plan, ExportLayout layout, ExportOutput output, Progress progress) {
        // --gaps deletion joins consecutive rows: every row comes (one may anchor a run), and no unit cuts a run.
        boolean joinGaps = layout.gaps() == GapAlleles.deletion && alleles.contains("-") && !plan.pairs().isEmpty();
        HaplotypeQuery query = HaplotypeQuery.of(plan.pairs(), plan.altSamples(), alleles, joinGaps);
        int pairCount = plan.pairs().size();
        PhaseSetLookup phaseSets = PhaseSetLookup.of(database, plan.pairs());
        long unitRows = rowsPerUnit(pairCount);
        // A deletion may begin before a region or end after it: with regions, --gaps deletion reads
        // their whole contigs and writes the records that overlap them (as bcftools view -r keeps records).
        Map<String, long[]> recordRegions = joinGaps && !plan.regions().isEmpty() ? regionBounds(plan.regions()) : null;
        // A segment's units end where one export's units of the whole matrix would, so that a BGZF
        // output is cut into the same blocks: a unit cut by a segment's end goes on in the next.
        List<WorkUnit> units = WorkUnit.cut(plan.contigs(), recordRegions != null ? Map.of() : plan.regions(), unitRows,
                output.firstUnitRows(unitRows), joinGaps ? GapRunBoundaries.of(database, plan.pairs()) : null);
        long rowsTotal = units.stream().mapToLong(WorkUnit::rows).sum();
        Continuation continuation = new Continuation(output.openPart(), output.keepsLastPartOpen(rowsTotal, unitRows)
                ? units.size() - 1 : -1);
        List<CompletableFuture<PartResult>> results = new ArrayList<>();
        OrderedParts parts = new OrderedParts(units.size(), PARTS_BUDGET_BYTES);
        for (WorkUnit unit : units) {
            CompletableFuture<PartResult> result = new CompletableFuture<>();
            // A unit that fails, or that no worker will take, must not keep the writer waiting for its bytes.
            result.whenComplete((done, failure) -> parts.end(unit.index()));
            results.add(result);
        }
        List<String> contigs;
        try {
            contigs = output.start(plan, phaseSets != null);
        } catch (IOException e) {
            throw output.writeFailure(e);
        }
        int threads = Math.max(1, Math.min(plan.threads(), units.size()));
        MatrixDatabase.ThreadsLent lent = database.lendThreads(threads);
        ExecutorService workers = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "hapmatrix-export");
            thread.setDaemon(true);
            return thread;
        });
        try {
            AtomicInteger nextUnit = new AtomicInteger();
            for (int i = 0; i < threads; i++) {
                workers.execute(() -> work(query, phaseSets, pairCount, layout, contigs, recordRegions, units, continuation,
                        nextUnit, results, parts));
            }
            OutputStream out = output.records();
            long written = 0;
            GapCounts gaps = GapCounts.NONE;
            long rowsDone = 0;
            try {
                for (WorkUnit unit : units) {
                    long partBytes = parts.writeTo(unit.index(), out);
                    PartResult result = await(results.get(unit.index()));
                    written += result.lines();
                    gaps = gaps.plus(result.gaps());
                    output.partWritten(result.bgzf(), partBytes, unit.index() == continuation.keptOpen());
                    rowsDone += unit.rows();
                    progress.update(rowsDone, rowsTotal);
                }
            } catch (IOException e) {
                throw output.writeFailure(e);
            }
            output.exported(rowsTotal);
            return new Written(written, gaps);
        } finally {
            workers.shutdownNow();
            awaitWorkersClosed(workers);
            lent.close();
        }
    }

    /**
     * Waits until every worker has closed its connection: a worker completes its last unit before
     * leaving its try-with-resources, and a connection still open when the caller closes the
     * database keeps DuckDB's instance alive, so the next open of that file with other settings
     * fails ("different configuration than existing connections").
     */
    private static void awaitWorkersClosed(ExecutorService workers) {
        try {
            // Bounded: a worker finishes at most the unit it is querying (an interrupt cannot stop DuckDB).
            workers.awaitTermination(WORKER_CLOSE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A finished part: its line count and, for an indexed VCF, its records' index entries. */
    private record PartResult(long lines, BgzfPart bgzf, GapCounts gaps) {
    }

    /**
     * BGZF parts cut by a segment's end: the part the first unit goes on with (or null), and the
     * unit whose part stays open for the next segment (or -1).
     */
    private record Continuation(BgzfPart continued, int keptOpen) {
    }

    /**
     * One worker thread: takes units in order until none is left, on one connection and one
     * prepared statement (preparing a statement over thousands of samples is not free). A failure
     * fails every unit not yet done, so the writer stops at the first unit it cannot have.
     */
    private void work(HaplotypeQuery query, PhaseSetLookup phaseSets, int pairCount, ExportLayout layout, List<String> contigs,
                      Map<String, long[]> recordRegions, List<WorkUnit> units, Continuation continuation,
                      AtomicInteger nextUnit, List<CompletableFuture<PartResult>> results, OrderedParts parts) {
        int current = -1;
        try (DuckDBConnection connection = database.newConnection();
             PreparedStatement statement = connection.prepareStatement(query.sql());
             BufferAllocator allocator = new RootAllocator()) {
            // One per worker, its arrays kept from unit to unit: per unit they were most of the export's garbage.
            SiteColumns sites = new SiteColumns(pairCount, query);
            for (int i = nextUnit.getAndIncrement(); i < units.size(); i = nextUnit.getAndIncrement()) {
                if (Thread.currentThread().isInterrupted() || results.get(i).isDone()) {
                    return;
                }
                current = i;
                WorkUnit unit = units.get(i);
                results.get(i).complete(writePart(query, statement, allocator, sites, pairCount, layout, contigs, recordRegions, unit,
                        parts.stream(i), phaseSets == null ? null : phaseSets.forUnit(connection, unit), continuation));
            }
        } catch (Throwable failure) {
            if (current >= 0 && !results.get(current).isDone()) {
                // Only this unit fails: the output is awaited in unit order, so the error reported is
                // the first one in output order, whichever worker fails first. Units not yet taken
                // all come after this one and are never awaited.
                results.get(current).completeExceptionally(failure);
            } else {
                results.forEach(result -> result.completeExceptionally(failure));
            }
        }
    }

    private PartResult writePart(HaplotypeQuery query, PreparedStatement statement, BufferAllocator allocator,
                                 SiteColumns sites, int pairCount, ExportLayout layout, List<String> contigs, Map<String, long[]> recordRegions,
                                 WorkUnit unit, OutputStream part, java.util.Map<Long, long[]> unitPhaseSets,
                                 Continuation continuation)
            throws IOException, SQLException {
        try (OutputStream file = part) {
            query.bind(statement, unit);
            long start = System.nanoTime();
            try (DuckDBResultSet result = (DuckDBResultSet) statement.executeQuery()) {
                PhaseTimer.done("export: unit " + unit.index() + " query", start);
                start = System.nanoTime();
                BgzfPart bgzf = null;
                if (unit.index() == 0 && continuation.continued() != null) {
                    bgzf = continuation.continued();
                    bgzf.continueInto(file);
                } else if (layout.bgzfParts()) {
                    bgzf = new BgzfPart(file);
                }
                SiteFormatter formatter = layout.format().formatter(
                        new SiteFormatter.Context(database.name(), alleles, pairCount, layout.missing(), contigs, layout.gaps(),
                                recordRegions),
                        bgzf != null ? bgzf.stream() : file, bgzf);
                sites.startUnit(unit);
                sites.setPhaseSets(unitPhaseSets);
                try (ArrowReader reader = (ArrowReader) result.arrowExportStream(allocator, arrowBatchRows(pairCount))) {
                    while (reader.loadNextBatch()) {
                        sites.read(reader.getVectorSchemaRoot());
                        formatter.write(sites);
                    }
                }
                formatter.finish();
                if (bgzf != null && unit.index() != continuation.keptOpen()) {
                    bgzf.finish();
                }
                PhaseTimer.done("export: unit " + unit.index() + " rows out", start);
                return new PartResult(formatter.linesWritten(), bgzf, formatter.gapCounts());
            }
        }
    }

    /** The result of a worker. */
    private <T> T await(CompletableFuture<T> result) {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HapmatrixException("interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HapmatrixException failure) {
                throw failure;
            }
            if (cause instanceof SQLException sqlFailure) {
                throw new HapmatrixException(database.name() + ": export query failed: " + DuckDbErrors.oneLine(sqlFailure), sqlFailure);
            }
            if (cause instanceof OutOfMemoryError heapExhausted) {
                // Main reports it as one line with the advice to give Java more heap.
                throw heapExhausted;
            }
            throw new HapmatrixException("export failed: " + cause, cause);
        }
    }

    /** Per contig, its (sorted, merged) regions' bounds: from, to, from, to ... */
    private static Map<String, long[]> regionBounds(Map<String, List<Region>> regions) {
        Map<String, long[]> bounds = new java.util.HashMap<>();
        regions.forEach((contig, list) -> {
            long[] values = new long[2 * list.size()];
            for (int i = 0; i < list.size(); i++) {
                values[2 * i] = list.get(i).from();
                values[2 * i + 1] = list.get(i).to();
            }
            bounds.put(contig, values);
        });
        return bounds;
    }

    private static List<String> contigNames(ExportPlan plan) {
        return plan.contigs().stream().map(ContigInfo::name).toList();
    }
}
