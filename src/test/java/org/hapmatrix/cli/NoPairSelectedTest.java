package org.hapmatrix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hapmatrix.testsupport.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that would write no pair at all (sample names that do not end in a/b, --samples naming
 * half a pair) fails with one line saying why and what to do, unless --sites-only asks for that.
 */
class NoPairSelectedTest {
    @TempDir
    Path tmp;

    private CliRunner.Result convert(String matrixText, String output, String... options) throws Exception {
        Path matrix = Files.writeString(tmp.resolve("m.txt"), matrixText);
        List<String> args = new ArrayList<>(List.of("convert", matrix.toString(), "-q", "-o", tmp.resolve(output).toString()));
        args.addAll(List.of(options));
        return CliRunner.run(args.toArray(String[]::new));
    }

    @Test
    void samplesThatDoNotPairByNameAreAnError() throws Exception {
        String matrix = "CHROM\tPOS\tREF\tHG1_1\tHG1_2\n1\t10\tA\tA\tC\n";
        for (String output : List.of("out.txt", "out.vcf")) {
            CliRunner.Result result = convert(matrix, output);
            assertEquals(2, result.exitCode(), result.toString());
            assertTrue(result.stderr().startsWith("hapmatrix: "), result.stderr());
            assertTrue(result.stderr().contains("no pair selected") && result.stderr().contains("--pair")
                    && result.stderr().contains("--sites-only"), result.stderr());
            assertEquals(1, result.stderr().lines().count(), result.stderr());
            assertFalse(Files.exists(tmp.resolve(output)), "nothing written");
        }
        CliRunner.Result paired = convert(matrix, "paired.txt", "--pair", "HG1=HG1_1,HG1_2");
        assertEquals(0, paired.exitCode(), paired.toString());
        assertTrue(Files.readString(tmp.resolve("paired.txt")).startsWith("contig\tpos\tref\talt\tHG1_PI\t"));
    }

    @Test
    void samplesNamingHalfAPairAreAnErrorUnlessSitesOnly() throws Exception {
        String matrix = "CHROM\tPOS\tREF\t1a\t1b\t2a\t2b\n1\t10\tA\tA\tC\tA\tA\n";
        CliRunner.Result half = convert(matrix, "out.vcf", "--samples", "1a,2b");
        assertEquals(2, half.exitCode(), half.toString());
        assertTrue(half.stderr().contains("no pair selected"), half.stderr());
        CliRunner.Result sites = convert(matrix, "sites.vcf", "--samples", "1a,2b", "--sites-only");
        assertEquals(0, sites.exitCode(), sites.toString());
        assertTrue(Files.readString(tmp.resolve("sites.vcf")).contains("\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n"));
    }

    /** --sites-only writes the sites alone even where the names make pairs; with pairs named, it is a contradiction. */
    @Test
    void sitesOnlyDropsEveryPair() throws Exception {
        String matrix = "CHROM\tPOS\tREF\t1a\t1b\t2a\t2b\n1\t10\tA\tA\tC\tA\tA\n1\t11\tG\tG\tG\tG\tG\n";
        CliRunner.Result table = convert(matrix, "sites.txt", "--sites-only");
        assertEquals(0, table.exitCode(), table.toString());
        assertEquals("contig\tpos\tref\talt\n1\t10\tA\tC\n", Files.readString(tmp.resolve("sites.txt")));
        assertFalse(table.stderr().contains("unpaired"), table.stderr());
        CliRunner.Result vcf = convert(matrix, "sites.vcf", "--sites-only");
        assertEquals(0, vcf.exitCode(), vcf.toString());
        assertTrue(Files.readString(tmp.resolve("sites.vcf")).contains("\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n1\t10\t"));
        CliRunner.Result both = convert(matrix, "both.txt", "--sites-only", "--pair", "P=1a,1b");
        assertEquals(2, both.exitCode(), both.toString());
        assertTrue(both.stderr().contains("--sites-only writes no pair"), both.stderr());
        assertFalse(Files.exists(tmp.resolve("both.txt")));
    }

    @Test
    void unpairedColumnsAreNamedInTheSummary() throws Exception {
        Path matrix = Files.writeString(tmp.resolve("m.txt"), "CHROM\tPOS\tREF\t1a\t1b\tlonely\n1\t10\tA\tA\tC\tA\n");
        CliRunner.Result result = CliRunner.run("convert", matrix.toString(), "-o", tmp.resolve("o.txt").toString());
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("1 unpaired column (lonely)"), result.stderr());
    }
}
