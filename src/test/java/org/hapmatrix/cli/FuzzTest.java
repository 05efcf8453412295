package org.hapmatrix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.hapmatrix.reference.ReferenceConverter;
import org.hapmatrix.testsupport.CliRunner;
import org.hapmatrix.testsupport.MatrixGenerator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated matrices, damaged at random (cut short, tabs and line breaks inserted, binary
 * garbage spliced in, bytes flipped, a line of a few MB, gzip cut or corrupted): convert never
 * hangs or prints a stack trace, and ends either in exit 0 with the table the reference converter
 * makes of the damaged text, or in a one-line error naming the matrix, with no output left. The
 * reference side decides validity independently (see {@link #expectedTable}), so a damaged file
 * the tool accepts but should not, or refuses but should not, fails the test too.
 */
class FuzzTest {
    /** Kept small for CI; -Dhapmatrix.fuzz.cases=2000 for a deeper local run. */
    private static final int CASES = Integer.getInteger("hapmatrix.fuzz.cases", 40);

    @TempDir
    Path tmp;

    static Stream<Long> seeds() {
        return LongStream.range(0, CASES).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void damagedMatrixEndsInTheRightTableOrOneClearError(long seed) throws IOException {
        Random random = new Random(seed * 1_000_003 + 17);
        MatrixGenerator.GeneratedMatrix generated = seed % 3 == 0
                ? MatrixGenerator.seedShaped(seed, 200 + random.nextInt(400))
                : MatrixGenerator.generate(seed);
        byte[] text = generated.toText(true).getBytes(StandardCharsets.UTF_8);
        List<String> applied = new ArrayList<>();
        int mutations = random.nextInt(8) == 0 ? 0 : 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            text = mutate(text, random, applied);
        }
        byte[] file = text;
        boolean gzip = random.nextInt(4) == 0;
        boolean gzipDamaged = false;
        if (gzip) {
            file = gzip(text);
            if (random.nextBoolean()) {
                gzipDamaged = true;
                if (random.nextBoolean()) {
                    file = Arrays.copyOf(file, random.nextInt(file.length));
                    applied.add("gzip cut at " + file.length);
                } else {
                    int at = 10 + random.nextInt(file.length - 10);
                    file[at] ^= (byte) (1 + random.nextInt(255));
                    applied.add("gzip byte " + at + " flipped");
                }
            } else {
                applied.add("gzip");
            }
        }
        Path matrix = Files.write(tmp.resolve(gzip ? "matrix.txt.gz" : "matrix.txt"), file);
        Path outDir = Files.createDirectory(tmp.resolve("out"));
        Path scratch = Files.createDirectory(tmp.resolve("scratch"));
        Path output = outDir.resolve("table.txt");
        String what = "seed " + seed + ": " + applied;

        CliRunner.Result result = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliRunner.run("convert",
                matrix.toString(), "-o", output.toString(), "--tmp-dir", scratch.toString(),
                "--threads", Integer.toString(1 + random.nextInt(3)), "-q"), what);

        String stderr = result.stderr();
        assertFalse(stderr.contains("\tat ") || stderr.contains("Exception") || stderr.contains("unexpected error"),
                what + " -> " + stderr);
        try (Stream<Path> left = Files.list(scratch)) {
            assertEquals(List.of(), left.toList(), what + ": scratch files left");
        }
        String expected = gzipDamaged ? null : expectedTable(text);
        if (result.exitCode() == 0) {
            assertEquals("", stderr, what);
            assertNotNull(expected, what + ": accepted, but the matrix is not valid");
            try (Stream<Path> left = Files.list(outDir)) {
                assertEquals(List.of(output), left.toList(), what + ": only the output");
            }
            assertEquals(expected, Files.readString(output, StandardCharsets.UTF_8), what);
        } else {
            assertTrue(result.exitCode() == 1 || result.exitCode() == 2, what + " -> " + result);
            BadInputTest.assertOneLineError(result, result.exitCode(), Pattern.quote(matrix.toString()) + ":.+");
            if (!gzipDamaged) {
                assertNull(expected, what + ": refused a valid matrix: " + stderr);
            }
            try (Stream<Path> left = Files.list(outDir)) {
                assertEquals(List.of(), left.toList(), what + ": output or part left");
            }
        }
    }

    // ---- damage ---------------------------------------------------------------------------------

    private static byte[] mutate(byte[] text, Random random, List<String> applied) {
        int at = text.length == 0 ? 0 : random.nextInt(text.length + 1);
        switch (random.nextInt(10)) {
            case 0 -> {
                applied.add("cut at " + at);
                return Arrays.copyOf(text, at);
            }
            case 1 -> {
                applied.add("tab at " + at);
                return insert(text, at, new byte[] {'\t'});
            }
            case 2 -> {
                byte[] lineEnd = random.nextBoolean() ? new byte[] {'\n'} : new byte[] {'\r', '\n'};
                applied.add("line break at " + at);
                return insert(text, at, lineEnd);
            }
            case 3 -> {
                byte[] garbage = new byte[1 + random.nextInt(64)];
                random.nextBytes(garbage);
                applied.add(garbage.length + " random bytes at " + at);
                return insert(text, at, garbage);
            }
            case 4 -> {
                int to = Math.min(text.length, at + random.nextInt(200));
                applied.add("bytes " + at + "-" + to + " deleted");
                byte[] shorter = new byte[text.length - (to - at)];
                System.arraycopy(text, 0, shorter, 0, at);
                System.arraycopy(text, to, shorter, at, text.length - to);
                return shorter;
            }
            case 5 -> {
                if (text.length == 0) {
                    return text;
                }
                int index = Math.min(at, text.length - 1);
                byte[] copy = text.clone();
                copy[index] = (byte) random.nextInt(256);
                applied.add("byte " + index + " set to " + (copy[index] & 0xff));
                return copy;
            }
            case 6 -> {
                // A few MB in one line, after the header: all one value, all tabs, or printable junk.
                int afterHeader = indexOf(text, (byte) '\n') + 1;
                int lineStart = afterHeader == 0 ? text.length : afterHeader;
                byte[] line = new byte[(2 << 20) + random.nextInt(2 << 20)];
                int kind = random.nextInt(3);
                for (int i = 0; i < line.length; i++) {
                    line[i] = switch (kind) {
                        case 0 -> (byte) 'A';
                        case 1 -> (byte) (i % 2 == 0 ? 'A' : '\t');
                        default -> (byte) (32 + random.nextInt(95));
                    };
                }
                line[line.length - 1] = '\n';
                applied.add((line.length >> 10) + " KiB line (" + kind + ") at " + lineStart);
                return insert(text, lineStart, line);
            }
            case 7 -> {
                applied.add("NUL at " + at);
                return insert(text, at, new byte[] {0});
            }
            case 8 -> {
                // Valid damage: two data lines swapped, or one repeated, so the accepted path is fuzzed too.
                List<byte[]> lines = splitLines(text);
                if (lines.size() < 3) {
                    return text;
                }
                int a = 1 + random.nextInt(lines.size() - 1);
                int b = 1 + random.nextInt(lines.size() - 1);
                if (random.nextBoolean()) {
                    byte[] swap = lines.get(a);
                    lines.set(a, lines.get(b));
                    lines.set(b, swap);
                    applied.add("lines " + a + " and " + b + " swapped");
                } else {
                    lines.add(b, lines.get(a));
                    applied.add("line " + a + " repeated at " + b);
                }
                return joinLines(lines);
            }
            default -> {
                applied.add("CRLF line ends and a BOM");
                byte[] crlf = new String(text, StandardCharsets.ISO_8859_1).replace("\n", "\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1);
                return insert(crlf, 0, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
        }
    }

    // ---- the reference side ---------------------------------------------------------------------

    /**
     * The table for {@code text} by README "Input"'s rules, or null if the matrix is not valid: UTF-8;
     * an optional BOM; LF or CRLF line ends, the last one optional, blank lines only at the end;
     * a header of four or more columns with distinct non-empty sample names (ignoring case, and
     * not contig, pos, ref or rowid; no NUL); every line as many columns as the header, a contig,
     * a position of at most 19 digits that fits a signed 64-bit integer, and non-empty values.
     */
    static String expectedTable(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (text.endsWith("\n")) {
            lines.remove(lines.size() - 1);
        }
        lines.replaceAll(line -> line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        if (lines.isEmpty() || lines.get(0).isEmpty()) {
            return null;
        }
        String headerLine = lines.get(0);
        if (headerLine.endsWith("\r")) {
            headerLine = headerLine.substring(0, headerLine.length() - 1); // the header tolerates one more CR
        }
        List<String> columns = List.of(headerLine.split("\t", -1));
        if (columns.size() < 4) {
            return null;
        }
        Set<String> seen = new HashSet<>(List.of("contig", "pos", "ref", "rowid"));
        for (String sample : columns.subList(3, columns.size())) {
            if (sample.isEmpty() || sample.indexOf('\0') >= 0 || !seen.add(sample.toLowerCase(Locale.ROOT))) {
                return null;
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> fields = new ArrayList<>(List.of(line.split("\t", -1)));
            if (line.isEmpty() || fields.size() != columns.size() || fields.stream().anyMatch(String::isEmpty)
                    || !fields.get(1).matches("[0-9]{1,19}")) {
                return null;
            }
            try {
                fields.set(1, Long.toString(Long.parseLong(fields.get(1)))); // written as a number
            } catch (NumberFormatException e) {
                return null;
            }
            rows.add(fields);
        }
        return ReferenceConverter.convert(columns, rows, ReferenceConverter.defaultPairs(columns), null);
    }

    // ---- bytes ----------------------------------------------------------------------------------

    private static byte[] insert(byte[] text, int at, byte[] piece) {
        byte[] longer = new byte[text.length + piece.length];
        System.arraycopy(text, 0, longer, 0, at);
        System.arraycopy(piece, 0, longer, at, piece.length);
        System.arraycopy(text, at, longer, at + piece.length, text.length - at);
        return longer;
    }

    private static int indexOf(byte[] text, byte b) {
        for (int i = 0; i < text.length; i++) {
            if (text[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Lines with their line ends, the last one perhaps without. */
    private static List<byte[]> splitLines(byte[] text) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length; i++) {
            if (text[i] == '\n') {
                lines.add(Arrays.copyOfRange(text, start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length) {
            lines.add(Arrays.copyOfRange(text, start, text.length));
        }
        return lines;
    }

    private static byte[] joinLines(List<byte[]> lines) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (byte[] line : lines) {
            joined.writeBytes(line);
            if (line.length > 0 && line[line.length - 1] != '\n') {
                joined.write('\n');
            }
        }
        return joined.toByteArray();
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(buffer)) {
            gzip.write(bytes);
        }
        return buffer.toByteArray();
    }
}
