package org.hapmatrix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.hapmatrix.reference.ReferenceConverter;
import org.hapmatrix.reference.ReferencePair;
import org.hapmatrix.testsupport.CliRunner;
import org.hapmatrix.testsupport.MatrixGenerator.GeneratedMatrix;
import org.hapmatrix.testsupport.MatrixGenerator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code convert} through DuckDB against the plain-Java reference converter, on generated
 * matrices: random samples, names, alphabets (IUPAC, multi-base, > 255 values), contigs out of
 * order and interleaved, silent contigs, header line or file, gzip in and out, explicit pairs,
 * --contigs and thread counts. Each seed picks its own mix of options.
 */
class ConvertMatchesReferenceTest {
    @TempDir
    Path tmp;

    static Stream<Long> seeds() {
        return LongStream.range(0, 48).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void convertEqualsReference(long seed) throws IOException {
        GeneratedMatrix matrix = MatrixGenerator.generate(seed);
        Random options = new Random(seed * 7919 + 1);
        List<String> args = new ArrayList<>(List.of("convert"));

        boolean headerFile = options.nextBoolean();
        boolean gzipInput = options.nextInt(3) == 0;
        Path input = tmp.resolve(gzipInput ? "matrix.txt.gz" : "matrix.txt");
        matrix.writeTo(input, !headerFile);
        args.add(input.toString());
        if (headerFile) {
            Path header = tmp.resolve("header.txt");
            matrix.writeHeaderFile(header);
            args.addAll(List.of("--header", header.toString()));
        }

        List<ReferencePair> pairs = ReferenceConverter.defaultPairs(matrix.columnNames());
        int pairMode = options.nextInt(4);
        if (pairMode >= 2) {
            pairs = randomPairs(matrix.sampleNames(), options);
            if (pairMode == 2) {
                pairs.forEach(p -> args.addAll(List.of("--pair", p.name() + "=" + p.sampleA() + "," + p.sampleB())));
            } else {
                Path pairsFile = tmp.resolve("pairs.tsv");
                StringBuilder text = new StringBuilder();
                pairs.forEach(p -> text.append(p.name()).append('\t').append(p.sampleA()).append('\t')
                        .append(p.sampleB()).append('\n'));
                Files.writeString(pairsFile, text);
                args.addAll(List.of("--pairs", pairsFile.toString()));
            }
        }

        Set<String> contigs = null;
        List<String> allContigs = matrix.rows().stream().map(r -> r.get(0)).distinct().toList();
        if (!allContigs.isEmpty() && options.nextInt(3) == 0) {
            List<String> shuffled = new ArrayList<>(allContigs);
            Collections.shuffle(shuffled, options);
            contigs = new LinkedHashSet<>(shuffled.subList(0, 1 + options.nextInt(shuffled.size())));
            args.addAll(List.of("--contigs", String.join(",", contigs)));
        }

        args.addAll(List.of("--threads", Integer.toString(1 + options.nextInt(4)), "--quiet"));
        boolean gzipOutput = options.nextInt(4) == 0;
        Path output = tmp.resolve(gzipOutput ? "out.txt.gz" : "out.txt");
        args.addAll(List.of("-o", output.toString()));

        String expected = ReferenceConverter.convert(matrix.columnNames(), matrix.rows(), pairs, contigs);
        if (matrix.rows().isEmpty()) {
            return; // an empty matrix is an error case, covered by the error tests
        }
        CliRunner.Result result = CliRunner.run(args.toArray(String[]::new));
        assertEquals(0, result.exitCode(), () -> String.join(" ", args) + " -> " + result);
        assertEquals(expected, read(output), () -> String.join(" ", args));
    }

    @org.junit.jupiter.api.Test
    void aSmallMemoryLimitIsHonouredAndTheRunCompletes() throws IOException {
        GeneratedMatrix matrix = MatrixGenerator.seedShaped(99, 60_000);
        Path input = tmp.resolve("big.txt");
        matrix.writeTo(input, true);
        Path output = tmp.resolve("big-out.txt");
        CliRunner.Result result = CliRunner.run("convert", input.toString(), "-o", output.toString(),
                "--memory-limit", "48MB", "--threads", "2", "--tmp-dir", tmp.toString(), "-q");
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(ReferenceConverter.convert(matrix.columnNames(), matrix.rows(),
                ReferenceConverter.defaultPairs(matrix.columnNames()), null), read(output));
    }

    @org.junit.jupiter.api.Test
    void aMatrixWithAHeaderAndNoSiteWritesTheHeaderLineOnly() throws IOException {
        Path input = tmp.resolve("header-only.txt");
        Files.writeString(input, "CHROM\tPOS\tREF\t1a\t1b\tx\n");
        CliRunner.Result result = CliRunner.run("convert", input.toString(), "-q");
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals("contig\tpos\tref\talt\t1a1b_PI\t1a1b_PG_al\n", result.out());
    }

    private static List<ReferencePair> randomPairs(List<String> samples, Random random) {
        List<ReferencePair> pairs = new ArrayList<>();
        if (samples.size() < 2) {
            return pairs;
        }
        int count = 1 + random.nextInt(5);
        for (int i = 0; i < count; i++) {
            List<String> shuffled = new ArrayList<>(samples);
            Collections.shuffle(shuffled, random);
            pairs.add(new ReferencePair("pair" + i + "_" + shuffled.get(0), shuffled.get(0), shuffled.get(1)));
        }
        return pairs;
    }

    private static String read(Path output) throws IOException {
        byte[] bytes = Files.readAllBytes(output);
        if (output.toString().endsWith(".gz")) {
            bytes = new GZIPInputStream(new ByteArrayInputStream(bytes)).readAllBytes();
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
