package org.hapmatrix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hapmatrix.testsupport.CliRunner;
import org.hapmatrix.testsupport.ExternalTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real plink2 (Debian's 2.00a3.5) imports the golden case's VCF and BCF with {@code --make-pgen}:
 * every record a variant, every pair a sample, the same variants from either file; without
 * {@code --vcf-half-call} it refuses the half-calls that {@code --missing dot} writes.
 */
class Plink2ImportTest {
    @TempDir
    Path tmp;

    private void convert(Path out) {
        CliRunner.Result result = CliRunner.run("convert", "testdata/golden/small_matrix.txt", "--header",
                "testdata/golden/small_header.txt", "-o", out.toString(), "-q");
        assertEquals(0, result.exitCode(), result.stderr());
    }

    @Test
    void plink2ImportsOurVcfAndBcfWithTheirCounts() throws IOException {
        Path vcf = tmp.resolve("g.vcf.gz");
        Path bcf = tmp.resolve("g.bcf");
        convert(vcf);
        convert(bcf);
        long records = ExternalTool.succeed(tmp, "bcftools", "view", "-H", vcf.toString()).lines().count();
        List<String> samples = ExternalTool.succeed(tmp, "bcftools", "query", "-l", vcf.toString()).lines().toList();
        ExternalTool.Result refused = ExternalTool.run(tmp, "plink2", "--vcf", vcf.toString(), "--make-pgen", "--out",
                "refused", "--threads", "1");
        assertNotEquals(0, refused.exitCode());
        assertTrue(refused.output().contains("half-call"), refused.output());
        for (List<String> input : List.of(List.of("--vcf", vcf.toString()), List.of("--bcf", bcf.toString()))) {
            String out = input.get(0).substring(2);
            ExternalTool.succeed(tmp, "plink2", input.get(0), input.get(1), "--vcf-half-call", "missing",
                    "--make-pgen", "--out", out, "--threads", "1");
            List<String> variants = Files.readAllLines(tmp.resolve(out + ".pvar")).stream().filter(l -> !l.startsWith("#")).toList();
            assertEquals(records, variants.size(), out);
            List<String> psam = Files.readAllLines(tmp.resolve(out + ".psam")).stream().filter(l -> !l.startsWith("#")).toList();
            assertEquals(samples, psam.stream().map(l -> l.split("\t")[0]).toList(), out);
        }
        // The same variants from either file (the ## lines carry each run's command line).
        assertEquals(Files.readAllLines(tmp.resolve("vcf.pvar")).stream().filter(l -> !l.startsWith("##")).toList(),
                Files.readAllLines(tmp.resolve("bcf.pvar")).stream().filter(l -> !l.startsWith("##")).toList());
    }
}
