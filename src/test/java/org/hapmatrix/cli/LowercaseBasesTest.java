package org.hapmatrix.cli;

import static org.hapmatrix.cli.FormatsMatchReferenceTest.lines;
import static org.hapmatrix.cli.FormatsMatchReferenceTest.readVcf;
import static org.hapmatrix.cli.FormatsMatchReferenceTest.withoutRunLines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.hapmatrix.reference.ReferenceConverter;
import org.hapmatrix.reference.ReferenceFormats.Options;
import org.hapmatrix.reference.ReferenceFormats;
import org.hapmatrix.testsupport.CliRunner;
import org.hapmatrix.testsupport.ExternalTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** VCF's bases are case-insensitive: lowercase matrix bases go to VCF and BCF upper-case (docs/formats.md). */
class LowercaseBasesTest {
    private static final String MATRIX = String.join("\n",
            "CHROM\tPOS\tREF\t1a\t1b\t2a\t2b",
            "c1\t5\ta\ta\tc\tN\t-",
            "c1\t6\tG\tt\tG\tacg\tc",
            "c1\t7\tn\tA\tn\tN\tC",
            "c2\t3\tT\tT\tT\tgg\tT") + "\n";

    @TempDir
    Path tmp;

    @Test
    void lowercaseBasesAreWrittenUpperCaseInVcfAndBcfAsTheReferenceSays() throws IOException {
        Path matrix = tmp.resolve("lower.txt");
        Files.writeString(matrix, MATRIX);
        List<String> columns = Arrays.asList(MATRIX.lines().findFirst().orElseThrow().split("\t"));
        List<List<String>> rows = MATRIX.lines().skip(1).map(l -> Arrays.asList(l.split("\t"))).toList();
        Options options = new Options(ReferenceConverter.defaultPairs(columns), null, false, true, false);
        String expected = ReferenceFormats.vcfHeader(columns, rows, options)
                + lines(ReferenceFormats.vcfRecords(columns, rows, options));
        assertTrue(expected.contains("\nc1\t5\t.\tA\t") && expected.contains("\nc1\t6\t.\tG\tACG,C,T\t"), expected); // the reference does write upper-case

        Path vcf = tmp.resolve("out.vcf");
        CliRunner.Result result = CliRunner.run("convert", matrix.toString(), "-o", vcf.toString(), "-q");
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(expected, withoutRunLines(readVcf(vcf)));

        Path bcf = tmp.resolve("out.bcf");
        result = CliRunner.run("convert", matrix.toString(), "-o", bcf.toString(), "-q");
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(ExternalTool.succeed(tmp, "bcftools", "view", "-H", vcf.toString()),
                ExternalTool.succeed(tmp, "bcftools", "view", "-H", bcf.toString()));
        ExternalTool.succeed(tmp, "bcftools", "view", "-Ov", "-o", "/dev/null", bcf.toString());
    }

    @Test
    void allelesDifferingOnlyInCaseAtOneSiteAreAnError() throws IOException {
        String text = "CHROM\tPOS\tREF\t1a\t1b\nc1\t5\tA\tC\tA\nc1\t9\tA\ta\tA\n";
        Path matrix = tmp.resolve("case.txt");
        Files.writeString(matrix, text);
        List<String> columns = List.of("CHROM", "POS", "REF", "1a", "1b");
        List<List<String>> rows = text.lines().skip(1).map(l -> Arrays.asList(l.split("\t"))).toList();
        assertThrows(ReferenceFormats.VcfSiteError.class, () -> ReferenceFormats.vcfRecords(columns, rows,
                new Options(ReferenceConverter.defaultPairs(columns), null, false, true, false)));
        for (String name : List.of("case.vcf", "case.bcf")) {
            Path out = tmp.resolve(name);
            CliRunner.Result result = CliRunner.run("convert", matrix.toString(), "-o", out.toString(), "-q");
            assertEquals(1, result.exitCode(), result.toString());
            assertEquals("hapmatrix: " + matrix + ": contig 'c1', position 9: alleles 'A' and 'a' differ only in case,"
                    + " and VCF's bases are case-insensitive\n", result.stderr());
            assertFalse(Files.exists(out));
        }
    }
}
