package org.hapmatrix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.hapmatrix.reference.ReferenceConverter;
import org.hapmatrix.testsupport.CliRunner;
import org.hapmatrix.testsupport.MatrixGenerator.GeneratedMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Shapes real cohorts and draft assemblies have (README, "Input"): thousands of sample columns
 * (one column per sample used to overflow DuckDB's stack at about 330 and its expression depth
 * at 1000), and tens of thousands of tiny contigs, some of them interleaved with others.
 */
class WideAndManyContigMatrixTest {
    private static final List<String> ALLELES = List.of("A", "C", "G", "T", "N", "-", "R", "AT");

    @TempDir
    Path tmp;

    /** Samples s0a s0b s1a ..., random alleles with N and gaps; contigs from {@code contigOf}. */
    private static GeneratedMatrix matrix(long seed, int samples, int sites, java.util.function.IntFunction<String> contigOf) {
        Random random = new Random(seed);
        List<String> names = new ArrayList<>(List.of("CHROM", "POS", "REF"));
        for (int i = 0; i < samples; i++) {
            names.add("s" + i / 2 + (i % 2 == 0 ? "a" : "b"));
        }
        List<List<String>> rows = new ArrayList<>();
        for (int site = 0; site < sites; site++) {
            List<String> row = new ArrayList<>(List.of(contigOf.apply(site), Integer.toString(site + 1),
                    ALLELES.get(random.nextInt(4))));
            boolean polymorphic = random.nextInt(3) > 0;
            for (int i = 0; i < samples; i++) {
                int draw = random.nextInt(1000);
                row.add(draw < 30 ? "N" : draw < 40 ? "-" : polymorphic && draw < 400
                        ? ALLELES.get(random.nextInt(ALLELES.size())) : row.get(2));
            }
            rows.add(row);
        }
        return new GeneratedMatrix(names, rows);
    }

    private void assertConvertEqualsReference(String name, GeneratedMatrix matrix, Set<String> contigs, String... options) {
        Path input = tmp.resolve(name + ".txt");
        matrix.writeTo(input, true);
        List<String> args = new ArrayList<>(List.of("convert", input.toString(), "-q"));
        args.addAll(List.of(options));
        CliRunner.Result result = CliRunner.run(args.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(ReferenceConverter.convert(matrix.columnNames(), matrix.rows(),
                ReferenceConverter.defaultPairs(matrix.columnNames()), contigs), result.out());
    }

    @ParameterizedTest(name = "{0} samples, {1} sites")
    // 256, 257, 258: the export query's per-column shape, its ALT bits as a list, both as lists (HaplotypeQuery).
    @CsvSource({"256, 200", "257, 200", "258, 200", "329, 200", "331, 200", "1000, 200", "1001, 150", "5000, 300"})
    void wideMatricesConvertExactly(int samples, int sites) {
        assertConvertEqualsReference("wide" + samples,
                matrix(samples, samples, sites, site -> site < sites / 2 ? "chr1" : "chr2"), null);
    }

    /**
     * 20,000 contigs of one to three sites share work units; contigs that come back later in the
     * file ("back" and every tenth-thousand one) keep first-appearance order with all their sites.
     */
    @Test
    void manyContigsKeepFirstAppearanceOrder() {
        int sites = 40_000;
        GeneratedMatrix matrix = matrix(7, 6, sites, site -> site % 997 == 5 ? "back" : site % 10_000 == 1
                ? "ctg" + site / 2 / 3 % 1000 : "ctg" + site / 2);
        assertConvertEqualsReference("many", matrix, null);
        assertConvertEqualsReference("many2", matrix, null, "--threads", "2");
    }

    @Test
    void aContigSelectionAmongManyContigsKeepsOnlyThoseInOrder() {
        GeneratedMatrix matrix = matrix(8, 4, 6_000, site -> site % 301 == 7 ? "back" : "ctg" + site / 3);
        assertConvertEqualsReference("selected", matrix, Set.of("ctg5", "ctg6", "ctg8", "back", "ctg1500"),
                "--contigs", "ctg8,back,ctg5,ctg6,ctg1500");
    }
}
