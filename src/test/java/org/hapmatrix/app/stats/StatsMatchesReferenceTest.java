package org.hapmatrix.app.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.hapmatrix.reference.ReferenceConverter;
import org.hapmatrix.reference.ReferencePair;
import org.hapmatrix.reference.ReferenceStats;
import org.hapmatrix.testsupport.CliRunner;
import org.hapmatrix.testsupport.MatrixGenerator.GeneratedMatrix;
import org.hapmatrix.testsupport.MatrixGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code stats} against the plain-Java {@link ReferenceStats}, on generated matrices (N, -,
 * multi-allelic sites, IUPAC and multi-base alleles, alphabets beyond 64 alleles, interleaved
 * contigs), each seed with its own mix of options: a database or a matrix, --samples-file,
 * explicit pairs, --contigs, --alt-from selected, --window, TSV or JSON.
 */
class StatsMatchesReferenceTest {
    @TempDir
    Path tmp;

    static Stream<Long> seeds() {
        return LongStream.range(0, 32).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void statsEqualTheReference(long seed) throws IOException {
        GeneratedMatrix matrix = MatrixGenerator.generate(seed);
        if (matrix.rows().isEmpty()) {
            return; // an empty matrix is an error of the load, tested there
        }
        Random options = new Random(seed * 31 + 7);
        Path input = tmp.resolve("matrix.txt");
        matrix.writeTo(input, true);
        List<String> args = new ArrayList<>(List.of("stats", "-q"));
        if (options.nextBoolean()) {
            Path db = tmp.resolve("m.duckdb");
            CliRunner.Result load = CliRunner.run("load", input.toString(), "--db", db.toString(), "-q");
            assertEquals(0, load.exitCode(), load.toString());
            args.addAll(List.of("--db", db.toString()));
        } else {
            args.add(input.toString());
        }

        List<String> samples = matrix.sampleNames();
        List<String> sampleSection = samples;
        List<ReferencePair> pairs = ReferenceConverter.defaultPairs(matrix.columnNames());
        if (options.nextInt(3) == 0) {
            pairs = randomPairs(samples, options);
            pairs.forEach(p -> args.addAll(List.of("--pair", p.name() + "=" + p.sampleA() + "," + p.sampleB())));
        }
        if (options.nextInt(3) == 0) {
            List<String> shuffled = new ArrayList<>(samples);
            Collections.shuffle(shuffled, options);
            Set<String> kept = Set.copyOf(shuffled.subList(0, 1 + options.nextInt(shuffled.size())));
            Path samplesFile = tmp.resolve("samples.txt");
            Files.write(samplesFile, kept);
            args.addAll(List.of("--samples-file", samplesFile.toString()));
            sampleSection = samples.stream().filter(kept::contains).toList();
            pairs = pairs.stream().filter(p -> kept.contains(p.sampleA()) && kept.contains(p.sampleB())).toList();
        }
        List<String> altSamples = samples;
        if (!pairs.isEmpty() && options.nextInt(4) == 0) {
            args.addAll(List.of("--alt-from", "selected"));
            Set<String> selected = new LinkedHashSet<>();
            pairs.forEach(p -> {
                selected.add(p.sampleA());
                selected.add(p.sampleB());
            });
            altSamples = List.copyOf(selected);
        }
        Set<String> contigs = null;
        List<String> allContigs = matrix.rows().stream().map(r -> r.get(0)).distinct().toList();
        if (options.nextInt(3) == 0) {
            List<String> shuffled = new ArrayList<>(allContigs);
            Collections.shuffle(shuffled, options);
            contigs = new LinkedHashSet<>(shuffled.subList(0, 1 + options.nextInt(shuffled.size())));
            args.addAll(List.of("--contigs", String.join(",", contigs)));
        }
        Set<String> selectedContigs = contigs;
        long longest = matrix.rows().stream().filter(r -> selectedContigs == null || selectedContigs.contains(r.get(0)))
                .mapToLong(r -> Long.parseLong(r.get(1))).max().orElse(0);
        long window = autoWindow(longest);
        if (options.nextBoolean()) {
            window = 1 + options.nextInt(50);
            args.addAll(List.of("--window", Long.toString(window)));
        }
        boolean json = options.nextInt(3) == 0;
        if (json) {
            args.addAll(List.of("--format", "json"));
        }

        Map<String, List<String>> expected = ReferenceStats.sections(matrix.columnNames(), matrix.rows(), sampleSection,
                pairs, contigs, altSamples, window);
        CliRunner.Result result = CliRunner.run(args.toArray(String[]::new));
        assertEquals(0, result.exitCode(), () -> String.join(" ", args) + " -> " + result);
        Map<String, List<String>> actual = json ? StatsOutput.fromJson(result.out()) : StatsOutput.fromTsv(result.out());
        assertEquals(StatsOutput.SECTIONS, List.copyOf(actual.keySet()), String.join(" ", args));
        for (String section : StatsOutput.SECTIONS) {
            assertEquals(String.join("\n", expected.get(section)), String.join("\n", actual.get(section)),
                    () -> section + " of " + String.join(" ", args));
        }
    }

    @Test
    void tsvAndJsonHoldTheSameFigures() throws IOException {
        GeneratedMatrix matrix = MatrixGenerator.seedShaped(5, 3_000);
        Path input = tmp.resolve("matrix.txt");
        matrix.writeTo(input, true);
        CliRunner.Result tsv = CliRunner.run("stats", input.toString(), "-q");
        CliRunner.Result json = CliRunner.run("stats", input.toString(), "-q", "--format", "json");
        assertEquals(0, tsv.exitCode(), tsv.toString());
        assertEquals(0, json.exitCode(), json.toString());
        assertEquals(StatsOutput.fromTsv(tsv.out()), StatsOutput.fromJson(json.out()));
    }

    /** More than 256 samples and pairs: the statements' list shapes (sql/stats/*_long.sql, *_list.sql). */
    @Test
    void aWideMatrixGivesTheSameFiguresThroughTheListShapes() throws IOException {
        GeneratedMatrix matrix = ReportInBrowserTest.generated(600, 3, 40, 17);
        Path input = tmp.resolve("wide.txt");
        matrix.writeTo(input, true);
        CliRunner.Result result = CliRunner.run("stats", input.toString(), "-q", "--window", "70");
        assertEquals(0, result.exitCode(), result.toString());
        Map<String, List<String>> expected = ReferenceStats.sections(matrix.columnNames(), matrix.rows(),
                matrix.sampleNames(), ReferenceConverter.defaultPairs(matrix.columnNames()), null, matrix.sampleNames(), 70);
        Map<String, List<String>> actual = StatsOutput.fromTsv(result.out());
        for (String section : StatsOutput.SECTIONS) {
            assertEquals(String.join("\n", expected.get(section)), String.join("\n", actual.get(section)), section);
        }
    }

    /**
     * The ALT bits' edges: 64 alleles, the most a bit mask holds, with N the last ENUM code (the
     * highest bit) and '-' the first, so that both ends of the mask are N's and an ALT allele's.
     */
    @Test
    void sixtyFourAllelesWithNLastGiveTheReferenceFigures() throws IOException {
        List<String> alleles = MatrixGenerator.sixtyFourAllelesEndingWithN();
        List<String> columns = List.of("CHROM", "POS", "REF", "s1a", "s1b", "s2a", "s2b", "s3");
        Random random = new Random(64);
        List<List<String>> rows = new ArrayList<>();
        for (int site = 1; site <= 500; site++) {
            String ref = alleles.get(1 + random.nextInt(alleles.size() - 2));
            List<String> row = new ArrayList<>(List.of("chr1", Integer.toString(site), ref));
            for (int sample = 0; sample < 5; sample++) {
                row.add(random.nextInt(3) == 0 ? alleles.get(random.nextInt(alleles.size())) : ref);
            }
            rows.add(row);
        }
        GeneratedMatrix matrix = new GeneratedMatrix(columns, rows);
        Path input = tmp.resolve("n-last.txt");
        matrix.writeTo(input, true);
        CliRunner.Result result = CliRunner.run("stats", input.toString(), "-q", "--window", "100");
        assertEquals(0, result.exitCode(), result.toString());
        Map<String, List<String>> expected = ReferenceStats.sections(columns, rows, matrix.sampleNames(),
                ReferenceConverter.defaultPairs(columns), null, matrix.sampleNames(), 100);
        Map<String, List<String>> actual = StatsOutput.fromTsv(result.out());
        for (String section : StatsOutput.SECTIONS) {
            assertEquals(String.join("\n", expected.get(section)), String.join("\n", actual.get(section)), section);
        }
    }

    /** docs/stats.md's rule: the smallest 1, 2 or 5 x 10^k with at most 100 windows up to the last position. */
    static long autoWindow(long lastPosition) {
        for (long power = 1; ; power *= 10) {
            for (long step : new long[] {1, 2, 5}) {
                if ((lastPosition / (step * power)) < 100) {
                    return step * power;
                }
            }
        }
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
}
