package org.hapmatrix.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.hapmatrix.export.AltFrom;
import org.hapmatrix.export.ExportLayout;
import org.hapmatrix.export.ExportRequest;
import org.hapmatrix.format.Codecs;
import org.hapmatrix.format.OpenedMatrix;
import org.hapmatrix.format.VcfCodec;
import org.hapmatrix.reference.ReferenceConverter;
import org.hapmatrix.store.EngineSettings;
import org.hapmatrix.testsupport.CliRunner;
import org.hapmatrix.testsupport.MatrixGenerator.GeneratedMatrix;
import org.hapmatrix.testsupport.MatrixGenerator;
import org.hapmatrix.util.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code convert} without {@code --db} loads and exports the matrix one in-memory segment at a
 * time: cut into many small segments (contigs split across them, a segment ending exactly at a
 * contig's end or at the matrix's end), the table equals the reference; a matrix whose contigs
 * are not in blocks or whose alphabet grows in a later segment is refused before anything is
 * committed, and the command then converts it the whole way, still equal to the reference.
 */
class SegmentedConvertTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} sites, segments of {1}, batches of {2}, {3} thread(s)")
    @CsvSource({"500, 37, 7, 2", "500, 125, 125, 1", "500, 500, 100, 2", "500, 5000, 64, 2", "403, 50, 50, 2", "0, 10, 3, 2"})
    void manySegmentsGiveTheReferenceTable(int sites, long segmentSites, int batchSites, int threads) throws IOException {
        GeneratedMatrix matrix = MatrixGenerator.seedShaped(sites, sites);
        Path out = tmp.resolve("out.txt");
        SegmentedConvert.Result result = convert(matrix, out, segmentSites, batchSites, threads).orElseThrow();

        String expected = reference(matrix);
        assertEquals(expected, Files.readString(out, StandardCharsets.UTF_8));
        assertEquals(sites, result.sitesRead());
        assertEquals(expected.lines().count() - 1, result.sitesWritten());
        assertEquals(matrix.rows().stream().map(row -> row.get(0)).distinct().count(), result.contigs());
        assertEquals(15, result.pairs());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"tsv, out.txt.gz", "phase-extender, out.txt"})
    void everyFormatButVcfComesOutAsFromAWholeLoad(String format, String outputName) throws IOException {
        GeneratedMatrix matrix = MatrixGenerator.seedShaped(11, 300);
        ExportLayout layout = ExportLayout.of(Codecs.outputNamed(format).orElseThrow(), null, outputName, "hapmatrix convert");
        Path segmented = tmp.resolve("segmented-" + outputName);
        Path file = tmp.resolve("matrix.txt");
        matrix.writeTo(file, true);
        EngineSettings settings = new EngineSettings(2, "256MB", tmp);
        try (OpenedMatrix opened = OpenedMatrix.open(file.toString(), null)) {
            SegmentedConvert.run(opened, file.toString(), settings, ExportRequest.everything(), layout,
                    segmented.toString(), Progress.NONE, 37, 7);
        }
        Path db = tmp.resolve("whole.duckdb");
        Path whole = tmp.resolve("whole-" + outputName);
        try (OpenedMatrix opened = OpenedMatrix.open(file.toString(), null)) {
            MatrixLoad.run(opened, db, db.toString(), settings, Progress.NONE);
        }
        MatrixExport.run(db, file.toString(), settings, ExportRequest.everything(), layout, whole.toString(), Progress.NONE);
        assertArrayEquals(Files.readAllBytes(whole), Files.readAllBytes(segmented));
    }

    @Test
    void contigsNotInBlocksAreRefusedWithoutOutput() throws IOException {
        GeneratedMatrix matrix = withRows(MatrixGenerator.seedShaped(5, 60), rows -> rows.add(rows.get(0))); // contig 1 again at the end
        Path out = tmp.resolve("out.txt");
        assertTrue(convert(matrix, out, 20, 10, 2).isEmpty());
        assertNothingLeftBeside(out);
        assertCommandGivesReference(matrix);
    }

    @Test
    void anAlleleNewInALaterSegmentIsRefusedWithoutOutput() throws IOException {
        GeneratedMatrix matrix = withRows(MatrixGenerator.seedShaped(6, 60), rows -> {
            List<String> last = new ArrayList<>(rows.get(rows.size() - 1));
            last.set(5, "Y"); // an IUPAC code no earlier site has
            rows.set(rows.size() - 1, last);
        });
        Path out = tmp.resolve("out.txt");
        assertTrue(convert(matrix, out, 20, 10, 2).isEmpty());
        assertNothingLeftBeside(out);
        assertCommandGivesReference(matrix);
    }

    @Test
    void onlyDiscardableOutputsAndWholeMatricesQualify() throws IOException {
        Path file = tmp.resolve("m.txt");
        MatrixGenerator.seedShaped(7, 10).writeTo(file, true);
        String matrix = file.toString();
        String output = tmp.resolve("new.txt").toString();
        assertTrue(SegmentedConvert.applies(matrix, ExportRequest.everything(), ExportLayout.TABLE, output));
        assertFalse(SegmentedConvert.applies(matrix, ExportRequest.everything(), ExportLayout.TABLE, "-"));
        assertFalse(SegmentedConvert.applies(matrix, ExportRequest.everything(), ExportLayout.TABLE, null));
        assertFalse(SegmentedConvert.applies(matrix, ExportRequest.everything(), ExportLayout.TABLE, "/dev/null"));
        assertFalse(SegmentedConvert.applies(matrix, new ExportRequest(List.of(), List.of(), List.of("2"), AltFrom.all), ExportLayout.TABLE, output));
        assertFalse(SegmentedConvert.applies("-", ExportRequest.everything(), ExportLayout.TABLE, output));
        assertFalse(SegmentedConvert.applies("/dev/stdin", ExportRequest.everything(), ExportLayout.TABLE, output));
        assertFalse(SegmentedConvert.applies(matrix, ExportRequest.everything(),
                ExportLayout.of(VcfCodec.INSTANCE, null, "out.vcf", ""), tmp.resolve("out.vcf").toString()));
    }

    @Test
    void segmentsFollowTheMemoryLimit() {
        long at1GB = SegmentedConvert.segmentSites(new EngineSettings(2, "1GB", tmp), 31);
        long at100MB = SegmentedConvert.segmentSites(new EngineSettings(2, "100MB", tmp), 31);
        assertEquals(10, at1GB / at100MB, 1);
        assertTrue(SegmentedConvert.segmentSites(new EngineSettings(2, "1GB", tmp), 5000) < at1GB / 50);
        assertTrue(SegmentedConvert.segmentSites(new EngineSettings(2, "1KB", tmp), 5000) >= 1);
    }

    private Optional<SegmentedConvert.Result> convert(GeneratedMatrix matrix, Path out, long segmentSites, int batchSites, int threads) {
        Path file = tmp.resolve("matrix.txt");
        matrix.writeTo(file, true);
        try (OpenedMatrix opened = OpenedMatrix.open(file.toString(), null)) {
            return SegmentedConvert.run(opened, file.toString(), new EngineSettings(threads, "256MB", tmp),
                    ExportRequest.everything(), ExportLayout.TABLE, out.toString(), Progress.NONE, segmentSites, batchSites);
        }
    }

    private void assertCommandGivesReference(GeneratedMatrix matrix) throws IOException {
        Path file = tmp.resolve("cli-matrix.txt");
        Path out = tmp.resolve("cli-out.txt");
        matrix.writeTo(file, true);
        CliRunner.Result run = CliRunner.run("convert", file.toString(), "-o", out.toString(), "--quiet");
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals(reference(matrix), Files.readString(out, StandardCharsets.UTF_8));
    }

    /** Neither the output nor a temporary file beside it. */
    private void assertNothingLeftBeside(Path out) throws IOException {
        assertFalse(Files.exists(out));
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().contains(out.getFileName().toString())).toList());
        }
    }

    private static String reference(GeneratedMatrix matrix) {
        return ReferenceConverter.convert(matrix.columnNames(), matrix.rows(),
                ReferenceConverter.defaultPairs(matrix.columnNames()), null);
    }

    private static GeneratedMatrix withRows(GeneratedMatrix matrix, java.util.function.Consumer<List<List<String>>> change) {
        List<List<String>> rows = new ArrayList<>(matrix.rows());
        change.accept(rows);
        return new GeneratedMatrix(matrix.columnNames(), rows);
    }
}
