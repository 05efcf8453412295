package org.hapmatrix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hapmatrix.reference.ReferenceConverter;
import org.hapmatrix.reference.ReferencePair;
import org.hapmatrix.testsupport.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --samples}, {@code --samples-file}, {@code --pair} and {@code --pairs} take pair names (a
 * VCF's sample names, e.g. {@code 1a1b}) as well as matrix columns, checked against the reference converter.
 */
class PairNamesTest {
    /** Column {@code 2a2b} is also the name of the default pair of 2a and 2b. */
    private static final String MATRIX = String.join("\n",
            "CHROM\tPOS\tREF\t1a\t1b\t2a\t2b\t3a\t3b\t2a2b",
            "c1\t5\tA\tC\tA\tG\tA\tT\tA\tA",
            "c1\t6\tG\tG\tT\tT\tG\tG\tC\tG",
            "c2\t3\tT\tT\tGG\tT\tT\tT\tT\tT") + "\n";
    private static final List<String> COLUMNS = Arrays.asList(MATRIX.lines().findFirst().orElseThrow().split("\t"));
    private static final List<List<String>> ROWS = MATRIX.lines().skip(1).map(l -> Arrays.asList(l.split("\t"))).toList();

    @TempDir
    Path tmp;

    private String convert(String... options) throws IOException {
        Path matrix = tmp.resolve("m.txt");
        Files.writeString(matrix, MATRIX);
        Path out = tmp.resolve("out.txt");
        List<String> args = new ArrayList<>(List.of("convert", matrix.toString(), "-o", out.toString(), "-q"));
        args.addAll(List.of(options));
        CliRunner.Result result = CliRunner.run(args.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result.toString());
        return Files.readString(out);
    }

    private static String expected(String... pairNames) {
        List<ReferencePair> pairs = ReferenceConverter.defaultPairs(COLUMNS).stream()
                .filter(p -> List.of(pairNames).contains(p.name())).toList();
        return ReferenceConverter.convert(COLUMNS, ROWS, pairs, null);
    }

    @Test
    void aPairNameInSamplesKeepsThatPair() throws IOException {
        assertEquals(expected("1a1b", "3a3b"), convert("--samples", "3a3b,1a1b"));
        // Columns and pair names mix: 1a,1b keep pair 1a1b; 3a3b keeps its pair.
        assertEquals(expected("1a1b", "3a3b"), convert("--samples", "1a,1b,3a3b"));
        Path names = tmp.resolve("names.txt");
        Files.writeString(names, "3a3b\n");
        assertEquals(expected("3a3b"), convert("--samples-file", names.toString()));
    }

    @Test
    void aNameThatIsBothAColumnAndAPairNameCountsAsBoth() throws IOException {
        // 2a2b is a column (no pair uses it alone) and the default pair of 2a and 2b: the pair is kept.
        assertEquals(expected("2a2b"), convert("--samples", "2a2b"));
        // As a column it still counts towards an explicit pair that uses it.
        Path matrix = tmp.resolve("m.txt");
        String table = convert("--pair", "x=2a2b,1a", "--samples", "2a2b,1a");
        List<ReferencePair> pairs = List.of(new ReferencePair("x", "2a2b", "1a"));
        assertEquals(ReferenceConverter.convert(COLUMNS, ROWS, pairs, null), table, matrix.toString());
    }

    @Test
    void aLonePairNameInPairOrAPairsFileIsThatDefaultPair() throws IOException {
        assertEquals(expected("3a3b", "1a1b").lines().findFirst().orElseThrow().contains("3a3b_PI"), true);
        String byName = convert("--pair", "3a3b", "--pair", "q=1b,2a");
        List<ReferencePair> pairs = List.of(new ReferencePair("3a3b", "3a", "3b"), new ReferencePair("q", "1b", "2a"));
        assertEquals(ReferenceConverter.convert(COLUMNS, ROWS, pairs, null), byName);
        Path file = tmp.resolve("pairs.tsv");
        Files.writeString(file, "3a3b\nq\t1b\t2a\n");
        assertEquals(byName, convert("--pairs", file.toString()));
    }

    @Test
    void aNameThatIsNeitherIsAnError() throws IOException {
        Path matrix = tmp.resolve("m.txt");
        Files.writeString(matrix, MATRIX);
        Path out = tmp.resolve("bad.txt");
        CliRunner.Result result = CliRunner.run("convert", matrix.toString(), "-o", out.toString(), "-q",
                "--samples", "1a1b,4a4b");
        assertEquals(2, result.exitCode(), result.toString());
        assertEquals("hapmatrix: " + matrix + ": unknown sample '4a4b'\n", result.stderr());
        assertEquals(false, Files.exists(out));
        // A pair name of the default pairs is not a name once explicit pairs replace them.
        result = CliRunner.run("convert", matrix.toString(), "-o", out.toString(), "-q",
                "--pair", "q=1b,2a", "--samples", "1a1b");
        assertEquals(2, result.exitCode(), result.toString());
        assertEquals("hapmatrix: " + matrix + ": unknown sample '1a1b'\n", result.stderr());
    }
}
