package org.hapmatrix.app.stats;

import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hapmatrix.Version;
import org.hapmatrix.app.MatrixLoad;
import org.hapmatrix.export.ExportPlan;
import org.hapmatrix.export.ExportRequest;
import org.hapmatrix.export.ExportSelection;
import org.hapmatrix.format.Codecs;
import org.hapmatrix.format.InputCodec;
import org.hapmatrix.format.OpenedMatrix;
import org.hapmatrix.io.OutputTarget;
import org.hapmatrix.io.TemporaryFiles;
import org.hapmatrix.matrix.OpenedInput;
import org.hapmatrix.matrix.SamplePair;
import org.hapmatrix.store.ContigInfo;
import org.hapmatrix.store.DatabaseFiles;
import org.hapmatrix.store.EngineSettings;
import org.hapmatrix.store.LoadInfo;
import org.hapmatrix.store.MatrixCatalog;
import org.hapmatrix.store.MatrixDatabase;
import org.hapmatrix.util.PhaseTimer;
import org.hapmatrix.util.Progress;

/**
 * The {@code stats} use case: figures about a loaded database (or a matrix, loaded as {@code
 * convert} does into a scratch database deleted afterwards) for a selection of pairs, samples and
 * contigs, written as sections (TSV or JSON) and, if asked, as one self-contained HTML report.
 */
public final class StatsReport {
    /** Windows of the WINDOW section: at most about this many along the longest selected contig. */
    static final int WINDOWS_PER_CONTIG = 100;

    /** Where the data comes from: a database file, or a matrix (and its header file, or null). */
    public record Input(Path database, String matrix, Path headerFile) {
        public static Input database(Path file) {
            return new Input(file, null, null);
        }

        public static Input matrix(String matrix, Path headerFile) {
            return new Input(null, matrix, headerFile);
        }
    }

    /**
     * What to write: sections to {@code output} (null or - for stdout) in {@code format}, the
     * report to {@code html} (null for none); {@code windowSize} 0 picks one; {@code commandLine}
     * is recorded in both.
     */
    public record Options(ExportRequest request, long windowSize, StatsFormat format, String output, String html,
                          String commandLine) {
    }

    private StatsReport() {
    }

    public static StatsFigures run(Input input, EngineSettings settings, Options options, Progress loadProgress) {
        OutputTarget.checkWritable(options.output());
        OutputTarget.checkWritable(options.html());
        if (input.database() != null) {
            return analyse(input.database(), input.database().toString(), null, settings, options);
        }
        String matrixName = OpenedMatrix.displayName(input.matrix());
        Path scratch = DatabaseFiles.scratchDatabase(settings.tempDirectory());
        try {
            // Any input convert reads (matrix, VCF, BCF), in the format its content says.
            try (OpenedInput matrix = Codecs.openInput(new InputCodec.Request(input.matrix(), input.headerFile(),
                    options.request().contigs(), false))) {
                matrix.validatePairs(options.request().pairs());
                matrix.validateSamples(options.request().samples(), options.request().pairs());
                MatrixLoad.run(matrix, scratch, matrixName, settings, loadProgress);
            }
            return analyse(scratch, matrixName, input, settings, options);
        } finally {
            TemporaryFiles.delete(scratch.getParent());
        }
    }

    private static StatsFigures analyse(Path databaseFile, String name, Input matrixInput, EngineSettings settings,
                                        Options options) {
        long start = System.nanoTime();
        StatsFigures figures;
        Map<String, String> inputs;
        try (MatrixDatabase database = MatrixDatabase.openReadOnly(databaseFile, name, settings)) {
            MatrixCatalog catalog = MatrixCatalog.read(database);
            // Per-sample figures need no pair: a selection without pairs is a report without pair sections.
            ExportPlan plan = ExportSelection.resolve(catalog, name, options.request().withPairsOptional(), settings.threads());
            List<String> samples = sampleSection(catalog, options.request());
            long windowSize = options.windowSize() > 0 ? options.windowSize() : windowSize(plan.contigs());
            figures = new StatsQueries(database, catalog.alleles(), plan, samples, windowSize)
                    .run(options.request().contigs().isEmpty());
            inputs = inputs(matrixInput == null ? databaseFile.toString() : null, matrixInput, catalog.loadInfo(),
                    options, plan);
        }
        PhaseTimer.done("stats: queries", start);
        write(figures, inputs, options);
        return figures;
    }

    /** The SAMPLE section: the --samples list if given, else every sample; in the matrix's column order. */
    static List<String> sampleSection(MatrixCatalog catalog, ExportRequest request) {
        if (request.samples().isEmpty()) {
            return catalog.samples();
        }
        Set<String> wanted = Set.copyOf(request.samples());
        return catalog.samples().stream().filter(wanted::contains).toList();
    }

    /** The smallest 1, 2 or 5 times a power of ten that cuts the longest selected contig into at most 100 windows. */
    static long windowSize(List<ContigInfo> contigs) {
        long longest = contigs.stream().mapToLong(ContigInfo::lastPos).max().orElse(0);
        long wanted = Math.max(1, (longest / WINDOWS_PER_CONTIG) + 1);
        for (long power = 1; power > 0; power *= 10) {
            for (long step : new long[] {1, 2, 5}) {
                if (step * power >= wanted) {
                    return step * power;
                }
            }
        }
        return Long.MAX_VALUE;
    }

    private static Map<String, String> inputs(String database, Input matrix, LoadInfo load, Options options,
                                              ExportPlan plan) {
        Map<String, String> inputs = new LinkedHashMap<>();
        if (database != null) {
            inputs.put("database", database);
            inputs.put("matrix", load.source());
        } else {
            inputs.put("matrix", matrix.matrix());
        }
        inputs.put("header", load.headerSource());
        inputs.put("loaded", load.loadedAt() + " by hapmatrix " + load.hapmatrixVersion());
        inputs.put("command", options.commandLine());
        inputs.put("hapmatrix", Version.current() + ", DuckDB " + Version.duckdbDriver());
        inputs.put("run at", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString());
        ExportRequest request = options.request();
        inputs.put("contigs", request.contigs().isEmpty() ? "all (" + plan.contigs().size() + ")"
                : String.join(", ", request.contigs()));
        inputs.put("samples", request.samples().isEmpty() ? "all" : String.join(", ", request.samples()));
        inputs.put("pairs", (request.pairs().isEmpty() ? "default a/b pairs: " : "")
                + plan.pairs().stream().map(SamplePair::name).collect(Collectors.joining(", ")));
        inputs.put("ALT from", request.altFrom().name());
        return inputs;
    }

    private static void write(StatsFigures figures, Map<String, String> inputs, Options options) {
        if (options.html() != null) {
            try (OutputTarget html = OutputTarget.open(options.html())) {
                try {
                    StatsHtml.write(figures, inputs, html.stream());
                } catch (IOException e) {
                    throw html.writeFailure(e);
                }
                html.commit();
            }
        }
        try (OutputTarget target = OutputTarget.open(options.output())) {
            try {
                StatsText.write(figures, inputs, options.format(), target.stream());
            } catch (IOException e) {
                throw target.writeFailure(e);
            }
            target.commit();
        }
    }
}
