package org.hapmatrix.app.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hapmatrix.testsupport.CliRunner;
import org.hapmatrix.testsupport.ExternalTool;
import org.hapmatrix.testsupport.MatrixGenerator.GeneratedMatrix;
import org.hapmatrix.testsupport.MatrixGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stats} against the real {@code bcftools} on hapmatrix's own VCF of the same matrix (one
 * VCF sample per pair, {@code --missing dot}): bcftools stats' PSC per-sample counts and SN
 * totals, and the VCF's INFO AC, for the figures they share.
 */
class StatsMatchesBcftoolsTest {
    @TempDir
    Path tmp;

    /**
     * PSC's nMissing counts genotypes with a '.' (an N; a gap is the allele '*', a call) and its
     * nRefHom, nNonRefHom and nHets only SNP genotypes: on a matrix of bases and N alone (gaps made
     * N) every record is a SNP, and per pair nMissing = missing, nHets = differ, nRefHom +
     * nNonRefHom = compared - differ; SN's records and multiallelic sites = alt_sites and
     * multiallelic_sites.
     */
    @Test
    void perPairCountsEqualBcftoolsStatsPsc() {
        GeneratedMatrix matrix = withoutGaps(MatrixGenerator.seedShaped(23, 6_000));
        Path input = tmp.resolve("matrix.txt");
        matrix.writeTo(input, true);
        Path vcf = tmp.resolve("pairs.vcf");
        CliRunner.Result convert = CliRunner.run("convert", input.toString(), "-o", vcf.toString(), "-q");
        assertEquals(0, convert.exitCode(), convert.toString());
        CliRunner.Result stats = CliRunner.run("stats", input.toString(), "-q");
        assertEquals(0, stats.exitCode(), stats.toString());
        Map<String, List<String>> sections = StatsOutput.fromTsv(stats.out());

        ExternalTool.Result bcftools = ExternalTool.run(tmp, "bcftools", "stats", "-s", "-", vcf.toString());
        assertEquals(0, bcftools.exitCode(), bcftools.toString());
        Map<String, String> expectedPairs = new TreeMap<>();
        for (String line : bcftools.stdout().split("\n")) {
            if (line.startsWith("PSC\t")) {
                String[] f = line.split("\t");
                long refHom = Long.parseLong(f[3]);
                long nonRefHom = Long.parseLong(f[4]);
                long hets = Long.parseLong(f[5]);
                long missing = Long.parseLong(f[13]);
                expectedPairs.put(f[2], "missing " + missing + ", compared - differ " + (refHom + nonRefHom)
                        + ", differ " + hets);
            }
        }
        Map<String, String> actualPairs = new TreeMap<>();
        for (String line : sections.get("PAIR")) {
            String[] f = line.split("\t"); // pair sample_a sample_b sites missing compared differ share
            long compared = Long.parseLong(f[5]);
            long differ = Long.parseLong(f[6]);
            actualPairs.put(f[0], "missing " + f[4] + ", compared - differ " + (compared - differ) + ", differ " + differ);
        }
        assertEquals(15, expectedPairs.size(), bcftools.stdout());
        assertEquals(expectedPairs, actualPairs);
        assertEquals(snValue(bcftools.stdout(), "number of records:"), summary(sections, "alt_sites"));
        assertEquals(snValue(bcftools.stdout(), "number of multiallelic sites:"), summary(sections, "multiallelic_sites"));
    }

    /** The AC section against the VCF's INFO AC summed over ALT alleles ('*', a gap, included), site by site. */
    @Test
    void acSpectrumEqualsTheVcfInfoAc() {
        GeneratedMatrix matrix = MatrixGenerator.seedShaped(24, 6_000);
        Path input = tmp.resolve("matrix.txt");
        matrix.writeTo(input, true);
        Path vcf = tmp.resolve("pairs.vcf");
        assertEquals(0, CliRunner.run("convert", input.toString(), "-o", vcf.toString(), "-q").exitCode());
        CliRunner.Result stats = CliRunner.run("stats", input.toString(), "-q");
        assertEquals(0, stats.exitCode(), stats.toString());

        ExternalTool.Result query = ExternalTool.run(tmp, "bcftools", "query", "-f", "%INFO/AC\\n", vcf.toString());
        assertEquals(0, query.exitCode(), query.toString());
        TreeMap<Long, Long> spectrum = new TreeMap<>();
        for (String line : query.stdout().split("\n")) {
            long ac = Arrays.stream(line.split(",")).mapToLong(Long::parseLong).sum();
            spectrum.merge(ac, 1L, Long::sum);
        }
        List<String> expected = new ArrayList<>();
        spectrum.forEach((ac, sites) -> expected.add(ac + "\t" + sites));
        assertFalse(expected.isEmpty());
        assertEquals(expected, StatsOutput.fromTsv(stats.out()).get("AC"));
    }

    private static String summary(Map<String, List<String>> sections, String key) {
        return sections.get("SN").stream().filter(l -> l.startsWith(key + "\t")).findFirst().orElseThrow()
                .substring(key.length() + 1);
    }

    private static String snValue(String bcftoolsStats, String key) {
        for (String line : bcftoolsStats.split("\n")) {
            String[] f = line.split("\t");
            if (f[0].equals("SN") && f[2].equals(key)) {
                return f[3];
            }
        }
        throw new AssertionError("bcftools stats has no SN '" + key + "'");
    }

    private static GeneratedMatrix withoutGaps(GeneratedMatrix matrix) {
        List<List<String>> rows = matrix.rows().stream()
                .map(row -> row.stream().map(allele -> allele.equals("-") ? "N" : allele).toList()).toList();
        return new GeneratedMatrix(matrix.columnNames(), rows);
    }
}
