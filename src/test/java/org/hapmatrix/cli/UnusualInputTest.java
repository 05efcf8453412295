package org.hapmatrix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.hapmatrix.reference.ReferenceConverter;
import org.hapmatrix.reference.ReferencePair;
import org.hapmatrix.testsupport.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Valid input in unusual shapes, each converted and compared with the reference converter: line
 * ends, a byte order mark, no final newline, names that look like SQL, positions out of order.
 */
class UnusualInputTest {
    private static final List<String> COLUMNS = List.of("CHROM", "POS", "REF", "1a", "1b", "2a", "2b", "x");
    private static final List<List<String>> ROWS = List.of(
            List.of("1", "10", "A", "A", "C", "N", "-", "A"),
            List.of("1", "11", "G", "N", "T", "G", "G", "GA"),
            List.of("1", "12", "T", "T", "T", "T", "N", "T"),
            List.of("2", "5", "C", "C", "-", "A", "C", "N"),
            List.of("2", "6", "A", "R", "A", "A", "A", "A"));

    /** Sample names a naive tool would paste into SQL; pairs by the a/b rule still form among them. */
    private static final List<String> ODD_SAMPLES = List.of(
            "my sample a", "my sample b",
            "it's \"quoted\"a", "it's \"quoted\"b",
            "x;y;a", "x;y;b",
            "\u00e9\u4e2d\ud83d\ude42a", "\u00e9\u4e2d\ud83d\ude42b",
            "\"; DROP TABLE matrix; --a", "\"; DROP TABLE matrix; --b",
            "\"; DROP TABLE matrix; --",
            "  padded  ", "select", "from", "NULL", "*", "'", "\"", "\\", "sample", "allele", "site", "pair",
            "pair_1_a", "alt", ":name", "s:1", "?", "$1", "a\\", "/* x", "--");
    private static final List<String> ODD_CONTIGS = List.of(
            "chr 1", "chr\"2", "chr'3;", "\u67d3\u8272\u4f53", "\"; DROP TABLE matrix; --", "NULL");

    @TempDir
    Path tmp;

    @Test
    void crlfLineEnds() throws IOException {
        assertConverts(text(COLUMNS, ROWS, "\r\n", true));
    }

    @Test
    void crlfHeaderFile() throws IOException {
        Path header = write("header.txt", (String.join("\t", COLUMNS) + "\r\n").getBytes(StandardCharsets.UTF_8));
        Path matrix = write("m.txt", text(null, ROWS, "\r\n", true));
        assertConverts(COLUMNS, ROWS, matrix, "--header", header.toString());
    }

    @Test
    void byteOrderMark() throws IOException {
        assertConverts(withBom(text(COLUMNS, ROWS, "\n", true)));
    }

    @Test
    void byteOrderMarkInTheHeaderFileOrBeforeTheFirstSite() throws IOException {
        Path header = write("header.txt", withBom((String.join("\t", COLUMNS) + "\n").getBytes(StandardCharsets.UTF_8)));
        Path matrix = write("m.txt", text(null, ROWS, "\n", true));
        assertConverts(COLUMNS, ROWS, matrix, "--header", header.toString());
        Path plainHeader = write("plain-header.txt", (String.join("\t", COLUMNS) + "\n").getBytes(StandardCharsets.UTF_8));
        Path bomMatrix = write("bom.txt", withBom(text(null, ROWS, "\n", true)));
        assertConverts(COLUMNS, ROWS, bomMatrix, "--header", plainHeader.toString());
    }

    @Test
    void noFinalNewline() throws IOException {
        assertConverts(text(COLUMNS, ROWS, "\n", false));
        assertConverts(text(COLUMNS, ROWS, "\r\n", false));
    }

    @Test
    void blankLinesAtTheEnd() throws IOException {
        byte[] text = text(COLUMNS, ROWS, "\n", true);
        ByteArrayOutputStream padded = new ByteArrayOutputStream();
        padded.write(text);
        padded.write("\n\r\n\n".getBytes(StandardCharsets.UTF_8));
        assertConverts(padded.toByteArray());
    }

    @Test
    void allOfItGzipped() throws IOException {
        Path matrix = write("m.txt.gz", gzip(withBom(text(COLUMNS, ROWS, "\r\n", false))));
        assertConverts(COLUMNS, ROWS, matrix);
    }

    @Test
    void onlyAHeaderLine() throws IOException {
        assertConverts(COLUMNS, List.of(), write("m.txt", text(COLUMNS, List.of(), "\n", true)));
    }

    @Test
    void positionsOutOfOrderAreKeptAsGiven() throws IOException {
        List<List<String>> rows = List.of(
                List.of("2", "900", "A", "C", "A", "A", "A", "A"),
                List.of("2", "5", "A", "C", "A", "A", "A", "A"),
                List.of("1", "4294967296", "A", "A", "G", "A", "A", "A"),
                List.of("2", "5", "G", "C", "A", "A", "A", "A"),
                List.of("1", "0", "A", "A", "G", "A", "A", "A"),
                List.of("2", "9223372036854775807", "T", "C", "A", "A", "A", "A"),
                List.of("1", "007", "A", "A", "G", "A", "A", "A"));
        // The table writes positions as numbers: "007" comes out as 7.
        List<List<String>> expectedRows = new ArrayList<>(rows.subList(0, 6));
        expectedRows.add(List.of("1", "7", "A", "A", "G", "A", "A", "A"));
        Path matrix = write("m.txt", text(COLUMNS, rows, "\n", true));
        CliRunner.Result result = convert(matrix);
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(reference(COLUMNS, expectedRows, ReferenceConverter.defaultPairs(COLUMNS)), read("out.txt"));
    }

    @Test
    void namesWithSpacesQuotesSemicolonsAndUnicode() throws IOException {
        List<String> columns = new ArrayList<>(List.of("contig name", "pos;", "\"ref\""));
        columns.addAll(ODD_SAMPLES);
        List<List<String>> rows = oddRows(columns.size());

        Path matrix = write("m.txt", text(columns, rows, "\n", true));
        Path db = tmp.resolve("odd.duckdb");
        assertConverts(columns, rows, matrix, "--db", db.toString());

        Path header = write("header.txt", (String.join("\t", columns) + "\n").getBytes(StandardCharsets.UTF_8));
        Path data = write("data.txt", text(null, rows, "\n", true));
        assertConverts(columns, rows, data, "--header", header.toString());

        // The database still has its tables and every name as given.
        assertEquals("n\n" + rows.size() + "\n", sql(db, "SELECT count(*) AS n FROM matrix"));
        assertEquals("sample\n" + String.join("\n", ODD_SAMPLES) + "\n",
                sql(db, "SELECT sample FROM samples ORDER BY column_number"));
        assertEquals("n\n" + rows.size() * ODD_SAMPLES.size() + "\n", sql(db, "SELECT count(*) AS n FROM genotypes"));
        assertEquals("n\n" + rows.size() + "\n", sql(db, "SELECT count(*) AS n FROM sites"));
        assertEquals("n\n" + rows.size() * 5 + "\n", sql(db, "SELECT count(*) AS n FROM pair_genotypes"));
        CliRunner.Result export = CliRunner.run("export", "--db", db.toString(), "-q");
        assertEquals(0, export.exitCode(), export.toString());
        assertEquals(reference(columns, rows, ReferenceConverter.defaultPairs(columns)), export.out());
    }

    @Test
    void oddNamesInPairsAndSelections() throws IOException {
        List<String> columns = new ArrayList<>(List.of("CHROM", "POS", "REF"));
        columns.addAll(ODD_SAMPLES);
        List<List<String>> rows = oddRows(columns.size());
        Path matrix = write("m.txt", text(columns, rows, "\n", true));

        List<ReferencePair> pairs = List.of(
                new ReferencePair("\"; DROP TABLE matrix; --", "\"; DROP TABLE matrix; --", "select"),
                new ReferencePair("p r;'", "'", "\""),
                new ReferencePair("\u00e9", "\u00e9\u4e2d\ud83d\ude42b", "  padded  "));
        List<String> args = new ArrayList<>();
        for (ReferencePair pair : pairs) {
            args.addAll(List.of("--pair", pair.name() + "=" + pair.sampleA() + "," + pair.sampleB()));
        }
        CliRunner.Result result = convert(matrix, args.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(reference(columns, rows, pairs), read("out.txt"));

        StringBuilder pairsFile = new StringBuilder();
        pairs.forEach(p -> pairsFile.append(p.name()).append('\t').append(p.sampleA()).append('\t')
                .append(p.sampleB()).append('\n'));
        Path pairsPath = write("pairs.tsv", pairsFile.toString().getBytes(StandardCharsets.UTF_8));
        Path db = tmp.resolve("odd.duckdb");
        result = convert(matrix, "--pairs", pairsPath.toString(), "--db", db.toString());
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(reference(columns, rows, pairs), read("out.txt"));

        // --contigs and --samples on the database, names passed through as data.
        String contigs = String.join(",", ODD_CONTIGS.get(4), ODD_CONTIGS.get(1));
        CliRunner.Result export = CliRunner.run("export", "--db", db.toString(), "--contigs", contigs,
                "--samples", "\"; DROP TABLE matrix; --a,\"; DROP TABLE matrix; --b", "-q");
        assertEquals(0, export.exitCode(), export.toString());
        List<List<String>> kept = rows.stream()
                .filter(r -> r.get(0).equals(ODD_CONTIGS.get(4)) || r.get(0).equals(ODD_CONTIGS.get(1))).toList();
        List<ReferencePair> keptPairs = ReferenceConverter.defaultPairs(columns).stream()
                .filter(p -> p.sampleA().startsWith("\"; DROP")).toList();
        assertEquals(reference(columns, kept, keptPairs), export.out());
        assertEquals("n\n" + rows.size() + "\n", sql(db, "SELECT count(*) AS n FROM matrix"));
    }

    // Before the one-pass loader, the contig codes travelled in an Arrow column named contig_code,
    // which a sample of that name replaced: wrong contigs, sites lost.
    @Test
    void sampleNamedLikeTheLoadersOwnColumns() throws IOException {
        List<String> columns = List.of("CHROM", "POS", "REF", "1a", "contig_code", "1b");
        List<List<String>> rows = List.of(
                List.of("1", "10", "A", "A", "C", "G"),
                List.of("2", "11", "A", "G", "N", "T"));
        assertConverts(columns, rows, write("m.txt", text(columns, rows, "\n", true)));
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** Rows over the odd contigs (out of order, interleaved) with alleles that make every site written. */
    private static List<List<String>> oddRows(int columnCount) {
        String[] alleles = {"A", "C", "G", "T", "N", "-", "AT"};
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            List<String> row = new ArrayList<>();
            row.add(ODD_CONTIGS.get((i * 5) % ODD_CONTIGS.size()));
            row.add(Long.toString(1000 - i * 37L));
            row.add(alleles[i % 4]);
            for (int column = 3; column < columnCount; column++) {
                row.add(alleles[(i * 3 + column * 7) % alleles.length]);
            }
            rows.add(row);
        }
        return rows;
    }

    private void assertConverts(byte[] matrixBytes) throws IOException {
        assertConverts(COLUMNS, ROWS, write("m.txt", matrixBytes));
    }

    private void assertConverts(List<String> columns, List<List<String>> rows, Path matrix, String... options)
            throws IOException {
        for (String threads : List.of("1", "3")) {
            List<String> args = new ArrayList<>(List.of(options));
            args.addAll(List.of("--threads", threads));
            CliRunner.Result result = convert(matrix, args.toArray(String[]::new));
            assertEquals(0, result.exitCode(), result.toString());
            assertEquals("", result.stderr());
            assertEquals(reference(columns, rows, ReferenceConverter.defaultPairs(columns)), read("out.txt"));
        }
    }

    private CliRunner.Result convert(Path matrix, String... options) {
        List<String> args = new ArrayList<>(List.of("convert", matrix.toString()));
        args.addAll(List.of(options));
        args.addAll(List.of("-o", tmp.resolve("out.txt").toString(), "-q"));
        return CliRunner.run(args.toArray(String[]::new));
    }

    private static String reference(List<String> columns, List<List<String>> rows, List<ReferencePair> pairs) {
        return ReferenceConverter.convert(columns, rows, pairs, null);
    }

    private static String sql(Path db, String query) {
        CliRunner.Result result = CliRunner.run("sql", "--db", db.toString(), "--format", "tsv", query);
        assertEquals(0, result.exitCode(), result.toString());
        return result.out();
    }

    /** The matrix as bytes: header line (unless null) and rows, each line ended by {@code eol} but maybe the last. */
    private static byte[] text(List<String> columns, List<List<String>> rows, String eol, boolean finalEol) {
        List<String> lines = new ArrayList<>();
        if (columns != null) {
            lines.add(String.join("\t", columns));
        }
        rows.forEach(row -> lines.add(String.join("\t", row)));
        return (String.join(eol, lines) + (finalEol ? eol : "")).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] withBom(byte[] text) {
        byte[] bytes = new byte[text.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(text, 0, bytes, 3, text.length);
        return bytes;
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(buffer)) {
            gzip.write(bytes);
        }
        return buffer.toByteArray();
    }

    private String read(String name) throws IOException {
        return Files.readString(tmp.resolve(name), StandardCharsets.UTF_8);
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(tmp.resolve(name), bytes);
    }
}
