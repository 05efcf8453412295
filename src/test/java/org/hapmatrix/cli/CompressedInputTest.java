package org.hapmatrix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import htsjdk.samtools.util.BlockCompressedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.hapmatrix.reference.ReferenceConverter;
import org.hapmatrix.testsupport.CliRunner;
import org.hapmatrix.testsupport.MatrixGenerator.GeneratedMatrix;
import org.hapmatrix.testsupport.MatrixGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compressed matrices in the shapes real files and pipes have, each converted and compared with
 * the reference converter: gzip of several members (split at the JDK reader's buffer size),
 * BGZF from Debian's bgzip and from htsjdk, and members arriving on a pipe with a pause between.
 */
class CompressedInputTest {
    private static final GeneratedMatrix MATRIX = MatrixGenerator.seedShaped(11, 3_000);
    private static final byte[] TEXT = MATRIX.toText(true).getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    @Test
    void twoGzipMembersTheFirstExactly64KiB() throws IOException {
        byte[] first = storedGzipOfExactSize(65_536);
        int firstTextBytes = storedTextBytes;
        byte[] second = gzip(Arrays.copyOfRange(TEXT, firstTextBytes, TEXT.length), Deflater.DEFAULT_COMPRESSION);
        assertEquals(65_536, first.length);
        assertTrue(firstTextBytes < TEXT.length / 2, "the second member holds most of the matrix");
        assertConvertsAsReference(write("m.txt.gz", concat(first, second)));
    }

    @Test
    void manySmallGzipMembers() throws IOException {
        ByteArrayOutputStream members = new ByteArrayOutputStream();
        for (int from = 0; from < TEXT.length; from += 7_777) {
            members.write(gzip(Arrays.copyOfRange(TEXT, from, Math.min(TEXT.length, from + 7_777)), 6));
        }
        assertConvertsAsReference(write("m.txt.gz", members.toByteArray()));
    }

    @Test
    void bgzipFromDebianTools() throws Exception {
        Path plain = write("m.txt", TEXT);
        Process bgzip = new ProcessBuilder("bgzip", "-f", plain.toString()).redirectErrorStream(true).start();
        assertEquals(0, bgzip.waitFor(), new String(bgzip.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        Path compressed = tmp.resolve("m.txt.gz");
        assertTrue(Files.size(compressed) > 3 * 18, "several BGZF blocks");
        assertConvertsAsReference(compressed);
    }

    @Test
    void bgzfFromHtsjdkWithManyBlocks() throws IOException {
        // Several times BGZF's 64 KiB block, so line ends and block ends fall anywhere.
        byte[] text = MatrixGenerator.seedShaped(12, 9_000).toText(true).getBytes(StandardCharsets.UTF_8);
        Path compressed = tmp.resolve("m.bgz");
        try (BlockCompressedOutputStream out = new BlockCompressedOutputStream(compressed.toFile())) {
            out.write(text);
        }
        CliRunner.Result result = convert(compressed.toString());
        assertEquals(0, result.exitCode(), result.toString());
        GeneratedMatrix matrix = MatrixGenerator.seedShaped(12, 9_000);
        assertEquals(reference(matrix), result.out());
    }

    @Test
    void gzipMembersOnAPipeWithAPauseBetween() throws Exception {
        int half = TEXT.length / 2;
        Path first = write("a.gz", gzip(Arrays.copyOfRange(TEXT, 0, half), 6));
        Path second = write("b.gz", gzip(Arrays.copyOfRange(TEXT, half, TEXT.length), 6));
        // A real OS pipe from a producer that pauses: the reader must wait for the second member.
        Process producer = new ProcessBuilder("sh", "-c", "cat \"$1\"; sleep 1; cat \"$2\"", "sh",
                first.toString(), second.toString()).start();
        try (InputStream pipe = producer.getInputStream()) {
            CliRunner.Result result = CliRunner.runWithInput(pipe, "convert", "-", "-q");
            assertEquals(0, result.exitCode(), result.toString());
            assertEquals(reference(MATRIX), result.out());
        } finally {
            producer.destroy();
        }
    }

    @Test
    void bgzfOnAPipe() throws Exception {
        Path plain = write("m.txt", TEXT);
        Process producer = new ProcessBuilder("bgzip", "-c", plain.toString()).start();
        try (InputStream pipe = producer.getInputStream()) {
            CliRunner.Result result = CliRunner.runWithInput(pipe, "convert", "-", "-q");
            assertEquals(0, result.exitCode(), result.toString());
            assertEquals(reference(MATRIX), result.out());
        }
    }

    @Test
    void dataAfterTheLastGzipMemberIsAnError() throws IOException {
        Path matrix = write("m.txt.gz", concat(gzip(TEXT, 6), "not gzip".getBytes(StandardCharsets.UTF_8)));
        CliRunner.Result result = convert(matrix.toString());
        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.stderr().matches("hapmatrix: " + java.util.regex.Pattern.quote(matrix.toString())
                + ":\\d+: gzip data is corrupt \\(.+\\)\\R"), result.stderr());
    }

    @Test
    void truncatedBgzfIsReportedAsTruncated() throws IOException {
        Path plain = write("m.bgz", new byte[0]);
        try (BlockCompressedOutputStream out = new BlockCompressedOutputStream(plain.toFile())) {
            out.write(TEXT);
        }
        byte[] bgzf = Files.readAllBytes(plain);
        Path matrix = write("cut.bgz", Arrays.copyOf(bgzf, bgzf.length / 2 + 7));
        CliRunner.Result result = convert(matrix.toString());
        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.stderr().matches("hapmatrix: " + java.util.regex.Pattern.quote(matrix.toString())
                + ":\\d+: gzip data is truncated\\R"), result.stderr());
    }

    @Test
    void bgzfCutAtABlockBoundaryIsTruncated() throws IOException {
        Path plain = write("m.bgz", new byte[0]);
        try (BlockCompressedOutputStream out = new BlockCompressedOutputStream(plain.toFile())) {
            out.write(TEXT);
        }
        byte[] bgzf = Files.readAllBytes(plain);
        // Whole blocks up to the middle, then nothing: no end-of-file block, every block intact.
        int cut = 0;
        while (cut < bgzf.length / 2) {
            cut += ((bgzf[cut + 16] & 0xff) | (bgzf[cut + 17] & 0xff) << 8) + 1;
        }
        Path matrix = write("cut.bgz", Arrays.copyOf(bgzf, cut));
        CliRunner.Result result = convert(matrix.toString());
        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.stderr().matches("hapmatrix: " + java.util.regex.Pattern.quote(matrix.toString())
                + ":\\d+: gzip data is truncated \\(no BGZF end-of-file block\\)\\R"), result.stderr());
        CliRunner.Result piped = CliRunner.runWithInput(Files.readAllBytes(matrix), "convert", "-", "-q");
        assertEquals(1, piped.exitCode(), piped.toString());
        assertTrue(piped.stderr().contains("gzip data is truncated (no BGZF end-of-file block)"), piped.stderr());
    }

    @Test
    void twoByteGzipIsTruncated() throws IOException {
        Path matrix = write("m.txt.gz", new byte[] {0x1f, (byte) 0x8b});
        CliRunner.Result result = convert(matrix.toString());
        assertEquals(1, result.exitCode(), result.toString());
        assertEquals("hapmatrix: " + matrix + ":1: gzip data is truncated" + System.lineSeparator(), result.stderr());
    }

    /**
     * A gzip matrix cut short fails at the line where its data ends, by name and on standard input
     * alike: not at line 1 (a small file) or where the reader's 1 MiB read began (a large one).
     */
    @Test
    void truncatedGzipFailsAtTheLineWhereItsDataEnds() throws IOException {
        for (byte[] text : List.of(TEXT, largeText())) {
            byte[] whole = gzip(text, Deflater.DEFAULT_COMPRESSION);
            byte[] cut = Arrays.copyOf(whole, whole.length * 2 / 3);
            long line = lineWhereDecodedDataEnds(cut);
            assertTrue(line > 1_000, "line " + line);
            Path matrix = write("cut.txt.gz", cut);
            Path out = tmp.resolve("out.tsv");

            CliRunner.Result named = CliRunner.run("convert", matrix.toString(), "-o", out.toString(), "-q");
            assertEquals(1, named.exitCode(), named.toString());
            assertEquals("hapmatrix: " + matrix + ":" + line + ": gzip data is truncated" + System.lineSeparator(),
                    named.stderr());
            assertFalse(Files.exists(out), "no output");

            CliRunner.Result piped = CliRunner.runWithInput(cut, "convert", "-", "-o", out.toString(), "-q");
            assertEquals(1, piped.exitCode(), piped.toString());
            assertEquals("hapmatrix: <stdin>:" + line + ": gzip data is truncated" + System.lineSeparator(),
                    piped.stderr());
            assertFalse(Files.exists(out), "no output");
        }
    }

    /** Data ending within the first 16 bytes, which format detection reads, but on line 2. */
    @Test
    void gzipEndingWithinTheBytesFormatDetectionReadsFailsAtItsLine() throws IOException {
        byte[] stored = gzip("a\tb\tc\td\nx\t1\tA\tA\n".getBytes(StandardCharsets.US_ASCII), Deflater.NO_COMPRESSION);
        // The gzip header (10 bytes), the stored block's header (5), then 12 of the 16 text bytes.
        byte[] cut = Arrays.copyOf(stored, 10 + 5 + 12);
        assertEquals(2, lineWhereDecodedDataEnds(cut), "the data ends on line 2");
        Path matrix = write("cut.txt.gz", cut);
        CliRunner.Result named = convert(matrix.toString());
        assertEquals(1, named.exitCode(), named.toString());
        assertEquals("hapmatrix: " + matrix + ":2: gzip data is truncated" + System.lineSeparator(), named.stderr());
        CliRunner.Result piped = CliRunner.runWithInput(cut, "convert", "-", "-q");
        assertEquals(1, piped.exitCode(), piped.toString());
        assertEquals("hapmatrix: <stdin>:2: gzip data is truncated" + System.lineSeparator(), piped.stderr());
    }

    /** A matrix of more than 2 MiB, so that the data ends beyond the reader's first 1 MiB read. */
    private static byte[] largeText() {
        StringBuilder text = new StringBuilder("contig\tpos\tref\t1a\t1b\t2a\t2b\n");
        String[] bases = {"A", "C", "G", "T"};
        for (int pos = 1; text.length() < 5 << 20; pos++) {
            text.append("c1\t").append(pos).append('\t').append(bases[pos % 4]).append('\t').append(bases[pos * 7 % 4])
                    .append('\t').append(bases[pos % 3]).append('\t').append(bases[pos * 5 % 4]).append('\t')
                    .append(bases[pos % 2]).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The line the decodable data of the cut gzip {@code cut} ends in, as the JDK's reader decodes it. */
    private static long lineWhereDecodedDataEnds(byte[] cut) throws IOException {
        long line = 1;
        byte[] buffer = new byte[8192];
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(cut))) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        line++;
                    }
                }
            }
            throw new AssertionError("the cut gzip decodes to its end");
        } catch (EOFException e) {
            return line;
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    private int storedTextBytes;

    /**
     * A gzip member of exactly {@code size} bytes holding the start of the matrix, stored without
     * compression so its size follows the text's length; records how much text it holds.
     */
    private byte[] storedGzipOfExactSize(int size) throws IOException {
        for (int textBytes = size; textBytes > size - 1_000; textBytes--) {
            byte[] member = gzip(Arrays.copyOf(TEXT, textBytes), Deflater.NO_COMPRESSION);
            if (member.length == size) {
                storedTextBytes = textBytes;
                return member;
            }
        }
        throw new AssertionError("no stored member of " + size + " bytes");
    }

    private void assertConvertsAsReference(Path matrix) {
        CliRunner.Result result = convert(matrix.toString());
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(reference(MATRIX), result.out());
    }

    private static CliRunner.Result convert(String matrix) {
        return CliRunner.run("convert", matrix, "-q");
    }

    private static String reference(GeneratedMatrix matrix) {
        return ReferenceConverter.convert(matrix.columnNames(), matrix.rows(),
                ReferenceConverter.defaultPairs(matrix.columnNames()), null);
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(tmp.resolve(name), bytes);
    }

    private static byte[] gzip(byte[] bytes, int level) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(buffer) {
            {
                def.setLevel(level);
            }
        }) {
            gzip.write(bytes);
        }
        return buffer.toByteArray();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
