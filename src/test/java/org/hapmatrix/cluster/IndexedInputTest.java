package org.hapmatrix.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import org.hapmatrix.reference.ReferenceConverter;
import org.hapmatrix.testsupport.CliRunner;
import org.hapmatrix.testsupport.ExternalTool;
import org.hapmatrix.testsupport.MatrixGenerator.GeneratedMatrix;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * convert and load with --contigs on a bgzip'd matrix with a tabix index made by the real tabix:
 * the result equals the reference and the whole-file read; only the selected contigs' blocks are
 * read; a stale, foreign or broken index is an error, a missing one means reading it all.
 */
class IndexedInputTest {
    private static final List<String> CONTIGS = ClusterMatrices.CONTIGS;

    @TempDir
    Path tmp;

    private GeneratedMatrix matrix;
    private Path plain;
    private Path indexed;

    @BeforeEach
    void indexedMatrix() {
        matrix = ClusterMatrices.sorted(12, 3000);
        plain = tmp.resolve("m.txt");
        matrix.writeTo(plain, true);
        indexed = ExternalTool.bgzipAndIndex(plain, 1);
    }

    private String reference(List<String> contigs) {
        return ReferenceConverter.convert(matrix.columnNames(), matrix.rows(),
                ReferenceConverter.defaultPairs(matrix.columnNames()), contigs == null ? null : new LinkedHashSet<>(contigs));
    }

    private Path contigsFile(String name, List<String> contigs) throws IOException {
        return Files.writeString(tmp.resolve(name), String.join("\n", contigs) + "\n", StandardCharsets.UTF_8);
    }

    private String convert(Path input, String... options) {
        List<String> args = new java.util.ArrayList<>(List.of("convert", input.toString(), "-q"));
        args.addAll(List.of(options));
        CliRunner.Result result = CliRunner.run(args.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result.toString());
        return result.out();
    }

    @Test
    void selectedContigsThroughTheIndexEqualTheReferenceAndTheWholeFileRead() throws IOException {
        List<List<String>> selections = List.of(
                List.of("chr1"), List.of("\u03c96"), List.of("silent"), List.of("chr\u00c43,x"),
                // asked out of order and twice: written in file order, once
                List.of("scaffold_5", "chr 2", "\u67d3\u8272\u4f53 4", "chr 2"),
                CONTIGS);
        int n = 0;
        for (List<String> selection : selections) {
            Path list = contigsFile("contigs" + n++ + ".txt", selection);
            String throughIndex = convert(indexed, "--contigs-file", list.toString());
            assertEquals(reference(selection), throughIndex, selection.toString());
            assertEquals(convert(plain, "--contigs-file", list.toString()), throughIndex, selection.toString());
        }
        assertEquals(reference(null), convert(indexed));
    }

    @Test
    void onlyTheSelectedContigsBlocksAreRead() throws IOException {
        // Damage the middle of the file (contigs 2-4); the last contig's blocks and the header are intact.
        long size = Files.size(indexed);
        try (RandomAccessFile file = new RandomAccessFile(indexed.toFile(), "rw")) {
            file.seek(size * 3 / 10);
            file.write(new byte[(int) (size / 5)]);
        }
        Files.setLastModifiedTime(indexed.resolveSibling(indexed.getFileName() + ".tbi"), FileTime.from(Instant.now().plusSeconds(5)));
        assertEquals(reference(List.of("scaffold_5", "\u03c96")), convert(indexed, "--contigs", "scaffold_5,\u03c96"));
        CliRunner.Result whole = CliRunner.run("convert", indexed.toString(), "-q");
        assertEquals(1, whole.exitCode(), "reading the whole damaged file must fail: " + whole);
    }

    @Test
    void loadWithContigsKeepsOnlyThoseWithOrWithoutAnIndex() throws IOException {
        Path list = contigsFile("contigs.txt", List.of("\u03c96", "chr 2"));
        for (Path input : List.of(indexed, plain)) {
            Path db = tmp.resolve(input.getFileName() + ".duckdb");
            CliRunner.Result load = CliRunner.run("load", input.toString(), "--contigs-file", list.toString(), "--db", db.toString(), "-q");
            assertEquals(0, load.exitCode(), load.toString());
            CliRunner.Result export = CliRunner.run("export", "--db", db.toString(), "-q");
            assertEquals(reference(List.of("chr 2", "\u03c96")), export.out(), input.toString());
            CliRunner.Result sites = CliRunner.run("sql", "--db", db.toString(), "--format", "tsv",
                    "SELECT contig, count(*) FROM matrix GROUP BY contig ORDER BY min(rowid)");
            assertEquals("contig\tcount_star()\nchr 2\t3000\n\u03c96\t3000\n", sites.out());
        }
    }

    @Test
    void aHeaderFileGoesWithAnIndexThatSkipsNoLine() {
        Path headerless = tmp.resolve("headerless.txt");
        matrix.writeTo(headerless, false);
        Path header = tmp.resolve("header.txt");
        matrix.writeHeaderFile(header);
        Path gz = ExternalTool.bgzipAndIndex(headerless, 0);
        assertEquals(reference(List.of("chr1", "silent")),
                convert(gz, "--header", header.toString(), "--contigs", "chr1,silent"));
        CliRunner.Result wrongIndex = CliRunner.run("convert", indexed.toString(), "--header", header.toString(), "--contigs", "chr1");
        assertEquals(1, wrongIndex.exitCode(), wrongIndex.toString());
        assertEquals("hapmatrix: " + indexed + ".tbi: index was built for other columns (-s1 -b2 -e2 -S1 -c'#'); "
                + "a matrix without a header line (--header) needs tabix -s1 -b2 -e2 -S0\n", wrongIndex.stderr());
    }

    /**
     * Issue 21 item 10: a header line starting with '#' is a comment to tabix, so an index made
     * with -S0 (-c'#', the default) skips it as -S1 does; it is used, not refused. A header
     * without '#' indexed -S0 stays refused: tabix took the header for a data line.
     */
    @Test
    void aHashHeaderIndexedWithoutSkipIsUsed() throws IOException {
        Path hashed = tmp.resolve("hashed.txt");
        Files.writeString(hashed, "#" + Files.readString(plain, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        Path gz = ExternalTool.bgzipAndIndex(hashed, 0);
        List<String> selection = List.of("chr1", "silent");
        assertEquals(reference(selection), convert(gz, "--contigs", String.join(",", selection)));
        assertEquals(reference(null), convert(gz));
        Path unhashed = ExternalTool.bgzipAndIndex(plain, 0);
        assertFails(1, unhashed + ".tbi: index was built for other columns (-s1 -b2 -e2 -S0 -c'#'); "
                + "a matrix needs tabix -s1 -b2 -e2 -S1", "convert", unhashed.toString(), "--contigs", "chr1");
    }

    @Test
    void withoutAnIndexTheWholeFileIsRead() throws IOException {
        Files.delete(indexed.resolveSibling(indexed.getFileName() + ".tbi"));
        assertEquals(reference(List.of("chr1")), convert(indexed, "--contigs", "chr1"));
        Path gzip = tmp.resolve("plain-gzip.txt.gz");
        matrix.writeTo(gzip, true);
        assertEquals(reference(List.of("scaffold_5")), convert(gzip, "--contigs", "scaffold_5"));
    }

    @Test
    void aStaleIndexIsAnError() throws IOException {
        Path index = indexed.resolveSibling(indexed.getFileName() + ".tbi");
        Files.setLastModifiedTime(index, FileTime.from(Instant.now().minusSeconds(3600)));
        assertFails(1, index + ": index is older than " + indexed + " (stale); re-index with tabix -s1 -b2 -e2 -S1 -f " + indexed,
                "convert", indexed.toString(), "--contigs", "chr1");
        assertFails(1, index + ": index is older than " + indexed + " (stale); re-index with tabix -s1 -b2 -e2 -S1 -f " + indexed,
                "contigs", indexed.toString());
    }

    @Test
    void anIndexForOtherColumnsIsAnError() {
        // -0: zero-based coordinates, another layout's index even though the columns are the same
        ExternalTool.succeed(tmp, "tabix", "-f", "-0", "-s1", "-b2", "-e2", "-S1", indexed.getFileName().toString());
        assertFails(1, indexed + ".tbi: index was built for other columns (-s1 -b2 -e2 -S1 -c'#' preset/flags 65536); "
                + "a matrix needs tabix -s1 -b2 -e2 -S1", "convert", indexed.toString(), "--contigs", "chr1");
    }

    @Test
    void anIndexBesideAFileThatIsNotBgzfOrThatIsNotAnIndexIsAnError() throws IOException {
        Path gzip = tmp.resolve("plain-gzip.txt.gz");
        matrix.writeTo(gzip, true);
        Files.copy(indexed.resolveSibling(indexed.getFileName() + ".tbi"), tmp.resolve("plain-gzip.txt.gz.tbi"));
        assertFails(1, gzip + ": has a tabix index (" + gzip + ".tbi) but is not bgzip-compressed; compress it with bgzip, "
                + "then tabix -s1 -b2 -e2 -S1", "convert", gzip.toString(), "--contigs", "chr1");
        Path index = indexed.resolveSibling(indexed.getFileName() + ".tbi");
        Files.writeString(index, "not an index");
        CliRunner.Result result = CliRunner.run("convert", indexed.toString(), "--contigs", "chr1");
        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.stderr().startsWith("hapmatrix: " + index + ": not a tabix index ("), result.stderr());
    }

    @Test
    void aContigMissingFromTheIndexIsAnUnknownContig() {
        assertFails(2, indexed + ": unknown contig 'chrX'", "convert", indexed.toString(), "--contigs", "chr1,chrX");
        assertFails(2, plain + ": unknown contig 'chrX'", "convert", plain.toString(), "--contigs", "chr1,chrX");
        assertFails(2, indexed + ": unknown contig 'chrX'", "load", indexed.toString(), "--contigs", "chrX", "--db",
                tmp.resolve("x.duckdb").toString());
        assertFails(2, plain + ": unknown contig 'chrX'", "load", plain.toString(), "--contigs", "chrX", "--db",
                tmp.resolve("x.duckdb").toString());
        assertFalse(Files.exists(tmp.resolve("x.duckdb")));
    }

    @Test
    void anEmptyOrMissingContigsFileIsAUsageError() throws IOException {
        Path empty = Files.writeString(tmp.resolve("empty.txt"), "\n");
        assertFails(2, empty + ": empty contig list", "convert", indexed.toString(), "--contigs-file", empty.toString());
        Path missing = tmp.resolve("missing.txt");
        assertFails(2, missing + ": no such file", "load", indexed.toString(), "--contigs-file", missing.toString(),
                "--db", tmp.resolve("x.duckdb").toString());
    }

    @Test
    void contigsListsTheNamesInOrderOfFirstAppearance() throws IOException {
        String expected = String.join("\n", CONTIGS) + "\n";
        assertEquals(expected, run("contigs", indexed.toString()));
        assertEquals(expected, run("contigs", plain.toString()));
        Files.delete(indexed.resolveSibling(indexed.getFileName() + ".tbi"));
        assertEquals(expected, run("contigs", indexed.toString()));
        // an unsorted plain file: a contig that comes back is listed once, where it first appeared
        Path unsorted = Files.writeString(tmp.resolve("unsorted.txt"),
                "c\tp\tr\t1a\nb 2\t1\tA\tA\n\u00e91\t1\tA\tC\nb 2\t2\tA\tC\n\u00e91\t3\tA\tC\nz\t1\tA\tA\n");
        assertEquals("b 2\n\u00e91\nz\n", run("contigs", unsorted.toString()));
        Path header = tmp.resolve("header.txt");
        Files.writeString(header, "c\tp\tr\t1a\n");
        Path headerless = Files.writeString(tmp.resolve("headerless.txt"), "b 2\t1\tA\tA\n\u00e91\t1\tA\tC\n");
        assertEquals("b 2\n\u00e91\n", run("contigs", headerless.toString(), "--header", header.toString()));
        Path out = tmp.resolve("contigs.txt");
        run("contigs", unsorted.toString(), "-o", out.toString());
        assertEquals("b 2\n\u00e91\nz\n", Files.readString(out));
    }

    @Test
    void contigsOfABadFileIsAnError() throws IOException {
        Path missing = tmp.resolve("missing.txt");
        assertFails(2, missing + ": no such file", "contigs", missing.toString());
        Path badUtf8 = tmp.resolve("bad.txt");
        Files.write(badUtf8, new byte[] {'c', '\t', 'p', '\n', 'a', '\t', '1', '\n', (byte) 0xff, '\t', '2', '\n'});
        assertFails(1, badUtf8 + ":3: contig value is not valid UTF-8", "contigs", badUtf8.toString());
    }

    private static String run(String... args) {
        CliRunner.Result result = CliRunner.run(args);
        assertEquals(0, result.exitCode(), result.toString());
        return result.out();
    }

    private static void assertFails(int exitCode, String message, String... args) {
        CliRunner.Result result = CliRunner.run(args);
        assertEquals(exitCode, result.exitCode(), result.toString());
        assertEquals("hapmatrix: " + message + "\n", result.stderr());
    }
}
