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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.export.AltFrom;
import org.hapmatrix.export.ExportLayout;
import org.hapmatrix.export.ExportRequest;
import org.hapmatrix.format.GapAlleles;
import org.hapmatrix.export.Region;
import org.hapmatrix.format.Codecs;
import org.hapmatrix.format.OpenedMatrix;
import org.hapmatrix.format.IndexKind;
import org.hapmatrix.reference.ReferenceConverter;
import org.hapmatrix.store.EngineSettings;
import org.hapmatrix.testsupport.CliRunner;
import org.hapmatrix.testsupport.ExternalTool;
import org.hapmatrix.testsupport.MatrixGenerator.GeneratedMatrix;
import org.hapmatrix.testsupport.MatrixGenerator;
import org.hapmatrix.util.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code convert} without {@code --db} loads and exports the matrix one in-memory segment at a
 * time: cut into many small segments (contigs split across them, a segment ending exactly at a
 * contig's end or at the matrix's end), the table equals the reference; a matrix whose contigs
 * are not in blocks or whose alphabet grows in a later segment is refused before anything is
 * committed, and the command then converts it the whole way, still equal to the reference. Every
 * output format, index included, comes out as one export of the whole matrix writes it.
 */
class SegmentedConvertTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} sites, segments of {1}, batches of {2}, {3} thread(s)")
    @CsvSource({"500, 37, 7, 2", "500, 125, 125, 1", "500, 500, 100, 2", "500, 5000, 64, 2", "403, 50, 50, 2", "0, 10, 3, 2",
                "3000, 1500, 10, 2", "3000, 1500, 10, 8", "3000, 1000, 100, 1"})
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

    /**
     * Every format, compressed or not, with each index it takes: the output and its index byte for
     * byte as one export of the whole matrix writes them, whatever the thread count. The header
     * of VCF and BCF lists the contigs, so it is written after the last segment; a contig with no
     * written site (all REF, cut by a segment's end) stays in it, and keeps BCF's numbering.
     */
    @ParameterizedTest(name = "{0} {1} --index {2}, {3} thread(s), {4} sites, segments of {5}, units of {6}")
    @MethodSource("everyLayout")
    void everyFormatComesOutAsFromAWholeLoad(String format, String outputName, String index, int threads, int sites,
                                             long segmentSites, long rowsPerUnit) throws IOException {
        ExportLayout layout = ExportLayout.of(Codecs.outputNamed(format).orElseThrow(), null,
                index == null ? null : IndexKind.valueOf(index), outputName, "hapmatrix convert");
        Path file = tmp.resolve("matrix.txt");
        withEmptyContig(MatrixGenerator.seedShaped(11, sites)).writeTo(file, true);
        EngineSettings settings = new EngineSettings(threads, "256MB", tmp);
        Path segmented = Files.createDirectories(tmp.resolve("segmented")).resolve(outputName);
        try (OpenedMatrix opened = OpenedMatrix.open(file.toString(), null)) {
            SegmentedConvert.run(opened, file.toString(), settings, ExportRequest.everything(), layout,
                    segmented.toString(), Progress.NONE, segmentSites, 7, rowsPerUnit).orElseThrow();
        }
        Path db = tmp.resolve("whole.duckdb");
        Path whole = Files.createDirectories(tmp.resolve("whole")).resolve(outputName);
        try (OpenedMatrix opened = OpenedMatrix.open(file.toString(), null)) {
            MatrixLoad.run(opened, db, db.toString(), settings, Progress.NONE);
        }
        MatrixExport.run(db, file.toString(), settings, ExportRequest.everything(), layout, whole.toString(), Progress.NONE,
                rowsPerUnit);
        assertEquals(filesIn(whole.getParent()), filesIn(segmented.getParent())); // the same index beside, no part left
        byte[] wholeData = Files.readAllBytes(whole);
        byte[] segmentedData = Files.readAllBytes(segmented);
        if (Arrays.equals(wholeData, segmentedData)) {
            for (String name : filesIn(whole.getParent())) {
                assertArrayEquals(Files.readAllBytes(whole.resolveSibling(name)), Files.readAllBytes(segmented.resolveSibling(name)), name);
            }
        } else {
            // GKL's deflate (igzip) once in a while encodes an identical block in a byte more or less
            // (seen in this test's JVM for a 477-byte BCF block; never with zlib, nor between two runs
            // of one command): then the blocks, their bounds and content, must still be one export's,
            // and an index beside must list the same records.
            assertTrue(wholeData.length > 1 && (wholeData[0] & 0xFF) == 0x1f && (wholeData[1] & 0xFF) == 0x8b,
                    outputName + ": not BGZF, yet its bytes differ");
            assertEquals(bgzfBlocks(wholeData), bgzfBlocks(segmentedData), outputName);
            if (filesIn(whole.getParent()).size() > 1) {
                assertEquals(indexedRecords(whole), indexedRecords(segmented), outputName + "'s index");
            }
        }
    }

    /** Each contig's records as read through the index beside {@code file}: bcftools for BCF, tabix for the rest. */
    private String indexedRecords(Path file) {
        boolean bcf = file.toString().endsWith(".bcf");
        String contigs = bcf ? ExternalTool.succeed(tmp, "bcftools", "index", "-s", file.toString())
                : ExternalTool.succeed(tmp, "tabix", "-l", file.toString());
        StringBuilder records = new StringBuilder(contigs);
        for (String line : contigs.strip().split("\n")) {
            String contig = line.split("\t")[0];
            records.append(bcf ? ExternalTool.succeed(tmp, "bcftools", "view", "-H", "-r", contig, file.toString())
                    : ExternalTool.succeed(tmp, "tabix", file.toString(), contig));
        }
        return records.toString();
    }

    /** The uncompressed content of each BGZF block, in order: where the blocks end, and what they hold. */
    private static List<String> bgzfBlocks(byte[] file) {
        List<String> blocks = new ArrayList<>();
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(file).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int at = 0;
        while (at < file.length) {
            int extraLength = bytes.getShort(at + 10) & 0xFFFF;
            int blockSize = (bytes.getShort(at + 16) & 0xFFFF) + 1;
            int uncompressedSize = bytes.getInt(at + blockSize - 4);
            java.util.zip.Inflater inflater = new java.util.zip.Inflater(true);
            inflater.setInput(file, at + 12 + extraLength, blockSize - 12 - extraLength - 8);
            byte[] content = new byte[uncompressedSize];
            try {
                int inflated = 0;
                while (inflated < uncompressedSize && !inflater.finished()) {
                    inflated += inflater.inflate(content, inflated, uncompressedSize - inflated);
                }
            } catch (java.util.zip.DataFormatException e) {
                throw new AssertionError("a damaged BGZF block at byte " + at, e);
            } finally {
                inflater.end();
            }
            blocks.add(new String(content, StandardCharsets.ISO_8859_1));
            at += blockSize;
        }
        return blocks;
    }

    /**
     * Every output (format, name, index) at 1, 2 and 8 threads, with units of 50 rows cut by
     * segments of 37; and BGZF outputs whose units span several blocks and several segments.
     */
    static Stream<Arguments> everyLayout() {
        List<String[]> outputs = List.of(new String[] {"tsv", "out.txt", null}, new String[] {"tsv", "out.txt.gz", null},
                new String[] {"tsv", "out.tsv.gz", "tbi"}, new String[] {"tsv", "out.tsv.gz", "csi"},
                new String[] {"phase-extender", "out.txt", null}, new String[] {"vcf", "out.vcf", null},
                new String[] {"vcf", "out.vcf.gz", null}, new String[] {"vcf", "out.vcf.gz", "csi"},
                new String[] {"vcf", "out.vcf.gz", "none"}, new String[] {"bcf", "out.bcf", null},
                new String[] {"bcf", "out.bcf", "none"});
        List<Arguments> cases = new ArrayList<>();
        for (String[] output : outputs) {
            for (int threads : new int[] {1, 2, 8}) {
                cases.add(Arguments.of(output[0], output[1], output[2], threads, 300, 37L, 50L));
            }
        }
        cases.add(Arguments.of("vcf", "out.vcf.gz", null, 2, 300, 37L, 0L));
        cases.add(Arguments.of("vcf", "out.vcf.gz", null, 2, 3000, 700L, 1000L));
        cases.add(Arguments.of("vcf", "out.vcf.gz", null, 8, 3000, 1000L, 1000L));
        cases.add(Arguments.of("bcf", "out.bcf", null, 2, 3000, 700L, 1000L));
        cases.add(Arguments.of("tsv", "out.tsv.gz", "csi", 2, 3000, 700L, 1000L));
        return cases.stream();
    }

    /** bcftools reads a .vcf.gz and a .bcf written by many segments through their indexes: counts per contig, a region. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"out.vcf.gz", "out.bcf"})
    void bcftoolsReadsASegmentedOutputThroughItsIndex(String outputName) throws IOException {
        Path file = tmp.resolve("matrix.txt");
        withEmptyContig(MatrixGenerator.seedShaped(5, 400)).writeTo(file, true);
        Path out = tmp.resolve(outputName);
        ExportLayout layout = ExportLayout.of(null, null, outputName, "hapmatrix convert");
        try (OpenedMatrix opened = OpenedMatrix.open(file.toString(), null)) {
            SegmentedConvert.run(opened, file.toString(), new EngineSettings(2, "256MB", tmp), ExportRequest.everything(),
                    layout, out.toString(), Progress.NONE, 29, 7, 0).orElseThrow();
        }
        List<String> records = ExternalTool.lines(ExternalTool.succeed(tmp, "bcftools", "view", "-H", out.toString()));
        java.util.Map<String, Long> perContig = new java.util.TreeMap<>();
        records.forEach(r -> perContig.merge(r.split("\t", 2)[0], 1L, Long::sum));
        assertEquals(records.size() + "\n", ExternalTool.run(tmp, "bcftools", "index", "-n", out.toString()).stdout());
        List<String> stats = ExternalTool.lines(ExternalTool.run(tmp, "bcftools", "index", "-s", out.toString()).stdout());
        assertEquals(perContig, new java.util.TreeMap<>(stats.stream().collect(java.util.stream.Collectors.toMap(
                l -> l.split("\t")[0], l -> Long.parseLong(l.split("\t")[2])))));
        List<String> region = records.stream().filter(r -> {
            String[] fields = r.split("\t", 3);
            int position = Integer.parseInt(fields[1]);
            return fields[0].equals("2") && position >= 30 && position <= 80;
        }).toList();
        assertFalse(region.isEmpty());
        assertEquals(region, ExternalTool.lines(ExternalTool.succeed(tmp, "bcftools", "view", "-H", "-r", "2:30-80", out.toString())));
        assertEquals(List.of(), ExternalTool.lines(ExternalTool.succeed(tmp, "bcftools", "view", "-H", "-r", "x", out.toString())));
    }

    /** The matrix with contig 'x' between contigs 2 and 3: 40 sites, all REF, so none is written. */
    private static GeneratedMatrix withEmptyContig(GeneratedMatrix matrix) {
        return withRows(matrix, rows -> {
            int at = 0;
            while (!rows.get(at).get(0).equals("3")) {
                at++;
            }
            for (int position = 40; position >= 1; position--) {
                List<String> row = new ArrayList<>(java.util.Collections.nCopies(rows.get(0).size(), "A"));
                row.set(0, "x");
                row.set(1, Integer.toString(position));
                rows.add(at, row);
            }
        });
    }

    private static List<String> filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void contigsNotInBlocksAreRefusedWithoutOutput() throws IOException {
        GeneratedMatrix matrix = withRows(MatrixGenerator.seedShaped(5, 60), rows -> rows.add(rows.get(0))); // contig 1 again at the end
        Path out = tmp.resolve("out.txt");
        assertTrue(convert(matrix, out, 20, 10, 2).isEmpty());
        assertNothingLeftBeside(out);
        assertCommandGivesReference(matrix);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"out.vcf.gz", "out.bcf", "out.vcf"})
    void aVcfOrBcfRefusedInALaterSegmentLeavesNoPartBeside(String outputName) throws IOException {
        GeneratedMatrix matrix = withRows(MatrixGenerator.seedShaped(5, 60), rows -> rows.add(rows.get(0))); // contig 1 again at the end
        Path file = tmp.resolve("matrix.txt");
        matrix.writeTo(file, true);
        Path out = tmp.resolve(outputName);
        try (OpenedMatrix opened = OpenedMatrix.open(file.toString(), null)) {
            assertTrue(SegmentedConvert.run(opened, file.toString(), new EngineSettings(2, "256MB", tmp), ExportRequest.everything(),
                    ExportLayout.of(null, null, outputName, ""), out.toString(), Progress.NONE, 20, 10, 0).isEmpty());
        }
        assertNothingLeftBeside(out);
    }

    /**
     * A bad line met while DuckDB scans a segment's batches (in the first batch, in a later
     * segment, near the end) stops the convert with its file and line, and nothing is written.
     */
    @ParameterizedTest(name = "bad line {0}")
    @CsvSource({"2", "1234", "2999"})
    void aBadLineMetWhileAppendingStopsWithItsLineAndNoOutput(int badLine) throws IOException {
        Path file = tmp.resolve("matrix.txt");
        MatrixGenerator.seedShaped(8, 3000).writeTo(file, true);
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        String line = lines.get(badLine - 1);
        lines.set(badLine - 1, line.substring(0, line.lastIndexOf('\t'))); // a column short
        Files.write(file, lines);
        Path out = tmp.resolve("out.txt");
        HapmatrixException e = assertThrows(HapmatrixException.class, () -> {
            try (OpenedMatrix opened = OpenedMatrix.open(file.toString(), null)) {
                SegmentedConvert.run(opened, file.toString(), new EngineSettings(2, "256MB", tmp), ExportRequest.everything(),
                        ExportLayout.TABLE, out.toString(), Progress.NONE, 1500, 10, 0);
            }
        });
        assertEquals(file + ":" + badLine, e.getMessage().substring(0, e.getMessage().indexOf(": ")));
        assertTrue(e.getMessage().contains("columns"), e.getMessage());
        assertNothingLeftBeside(out);
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
        assertTrue(SegmentedConvert.applies(matrix, ExportRequest.everything(), ExportLayout.TABLE, tmp.resolve("out.vcf.gz").toString()));
        assertFalse(SegmentedConvert.applies(matrix, new ExportRequest(List.of(), List.of(), List.of(), AltFrom.all,
                Region.parseList("2:1-5")), ExportLayout.TABLE, output));
        // --gaps deletion joins rows that a segment's end could cut.
        String vcf = tmp.resolve("out.vcf").toString();
        assertTrue(SegmentedConvert.applies(matrix, ExportRequest.everything(),
                ExportLayout.of(null, null, null, GapAlleles.star, vcf, "convert"), vcf));
        assertFalse(SegmentedConvert.applies(matrix, ExportRequest.everything(),
                ExportLayout.of(null, null, null, GapAlleles.deletion, vcf, "convert"), vcf));
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
                    ExportRequest.everything(), ExportLayout.TABLE, out.toString(), Progress.NONE, segmentSites, batchSites, 0);
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
