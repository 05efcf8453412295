package org.hapmatrix.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.hapmatrix.export.ExportLayout;
import org.hapmatrix.export.ExportOutput;
import org.hapmatrix.export.ExportRequest;
import org.hapmatrix.format.GapAlleles;
import org.hapmatrix.io.MatrixInput;
import org.hapmatrix.io.OutputTarget;
import org.hapmatrix.io.TemporaryFiles;
import org.hapmatrix.matrix.OpenedInput;
import org.hapmatrix.matrix.SiteBatchReader;
import org.hapmatrix.store.ContigInfo;
import org.hapmatrix.store.DatabaseFiles;
import org.hapmatrix.store.EngineSettings;
import org.hapmatrix.store.MatrixDatabase;
import org.hapmatrix.store.SegmentLoader;
import org.hapmatrix.util.PhaseTimer;
import org.hapmatrix.util.Progress;

/**
 * {@code convert} without {@code --db}. Nobody keeps that database, so it lives in memory (no
 * compression, no checkpoint, no second open: less CPU than a scratch file, see
 * bench/RESULTS.md) and holds one segment of the matrix at a time: each segment is loaded,
 * appended to the output and dropped before the next is read. Memory stays flat whatever the
 * input's size, and a site costs the same in a 14 GB input as in a small one.
 *
 * <p>Every format goes this way, indexed or not: {@link ExportOutput} holds a header that lists
 * the contigs (VCF, BCF) until the last segment and keeps the BGZF blocks and the index those of
 * one export of the whole matrix.
 *
 * <p>Segments need the contigs in blocks (the table groups sites by contig) and the allele
 * alphabet known from the first batch. If either fails ({@link SegmentLoader} says so), the run
 * returns empty with the output not committed, and the caller converts the whole matrix the
 * other way; so only a matrix that can be read again and an output that can be discarded qualify.
 */
public final class SegmentedConvert {
    /**
     * The share of the memory limit that one segment's table may take, uncompressed: a 16-byte
     * contig, an 8-byte position and a byte per allele column per site. The rest is for the
     * export's queries and DuckDB's own needs. A quarter let a 10.3 GB VCF of 100 samples peak at
     * 1.1 GiB of RSS; 15% keeps it at 0.75 GiB for 5% more time on 4M sites (bench/RESULTS.md).
     */
    private static final double SEGMENT_SHARE = 0.15;

    /** What a convert did, for its summary line. */
    public record Result(long sitesRead, long sitesWritten, int contigs, int pairs, List<String> unpaired) {
    }

    private SegmentedConvert() {
    }

    /**
     * Whether a convert of the matrix at {@code matrixPath} to {@code output} with {@code request}
     * can go by segments: a regular file (read again if it must start over) and
     * an output file, in any format, with or without index; contigs selected only by an input
     * that reads no others (the caller asks with {@link ExportRequest#withEveryContig()}), since
     * a segment cannot tell a contig the matrix lacks from one in another segment; no regions
     * ({@code -r}), whose sites come region by region, not in the order a segment's end cuts; not
     * {@code --gaps deletion}, whose runs of gaps and their anchors a segment's end could cut.
     */
    public static boolean applies(String matrixPath, ExportRequest request, ExportLayout layout, String output) {
        return !MatrixInput.STDIN.equals(matrixPath) && Files.isRegularFile(Path.of(matrixPath))
                && request.contigs().isEmpty() && request.regions().isEmpty() && layout.gaps() != GapAlleles.deletion
                && OutputTarget.discardable(output);
    }

    /** Sites per segment: {@link #SEGMENT_SHARE} of the memory limit, at least one. */
    public static long segmentSites(EngineSettings settings, int samples) {
        long bytesPerSite = 16 + 8 + 1 + (long) samples;
        return Math.max(1, (long) (settings.memoryLimitBytes() * SEGMENT_SHARE) / bytesPerSite);
    }

    /**
     * Converts {@code matrix} to {@code output}, segment by segment; empty when the matrix turns
     * out not to be segmentable (see the class comment): nothing is written then.
     */
    public static Optional<Result> run(OpenedInput matrix, String matrixName, EngineSettings settings, ExportRequest request,
                                       ExportLayout layout, String output, Progress loadProgress) {
        return run(matrix, matrixName, settings, request, layout, output, loadProgress,
                segmentSites(settings, matrix.header().samples().size()), 0, 0);
    }

    /**
     * With chosen segment, batch and work unit sizes (0: the defaults); tests use small ones for
     * many segments and units.
     */
    public static Optional<Result> run(OpenedInput matrix, String matrixName, EngineSettings settings, ExportRequest request,
                                       ExportLayout layout, String output, Progress loadProgress, long segmentSites,
                                       int batchSites, long rowsPerUnit) {
        // DuckDB spills here if a segment ever outgrows the limit.
        Path scratch = DatabaseFiles.scratchFolder(settings.tempDirectory());
        EngineSettings scratchSettings = settings.withTempDirectory(scratch);
        long opening = System.nanoTime();
        // The first batch is parsed while DuckDB starts.
        try (SiteBatchReader reader = SegmentLoader.startReading(matrix, settings.threads(), batchSites);
             MatrixDatabase database = MatrixDatabase.createInMemory(matrixName, scratchSettings);
             OutputTarget target = OutputTarget.open(output, !layout.bgzfParts());
             IndexBeside index = new IndexBeside(output);
             ExportOutput appended = new ExportOutput(layout, target, matrixName, true);
             SegmentLoader loader = new SegmentLoader(database, matrix, reader, loadProgress, segmentSites, batchSites)) {
            PhaseTimer.done("convert: database and output opened", opening);
            Segments segments = new Segments();
            SegmentLoader.Segment segment;
            while ((segment = loader.loadNext()).loaded()) {
                segments.add(MatrixExport.appendSegment(database, matrixName, scratchSettings, request, layout,
                        appended, rowsPerUnit, Progress.NONE));
                loader.dropSegment();
            }
            if (segment.notSegmentable() != null) {
                return Optional.empty(); // the output is closed uncommitted: nothing was written
            }
            long start = System.nanoTime();
            appended.finish(layout.indexed() ? index : null);
            index.commitWith(target); // the data, then its index: never new data beside an old index
            PhaseTimer.done("convert: output committed", start);
            return Optional.of(new Result(loader.sitesRead(), segments.written, segments.contigs, segments.pairs, segments.unpaired));
        } finally {
            TemporaryFiles.delete(scratch);
        }
    }

    /** Totals over the segments exported so far; a contig cut by a segment's end counts once. */
    private static final class Segments {
        int count;
        long written;
        int contigs;
        int pairs;
        List<String> unpaired = List.of();
        String lastContig;

        void add(MatrixExport.Result segment) {
            count++;
            written += segment.sitesWritten();
            pairs = segment.plan().pairs().size();
            unpaired = segment.plan().unpaired();
            for (ContigInfo contig : segment.plan().contigs()) {
                if (!contig.name().equals(lastContig)) {
                    contigs++;
                }
                lastContig = contig.name();
            }
        }
    }
}
