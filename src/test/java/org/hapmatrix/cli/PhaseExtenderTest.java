package org.hapmatrix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hapmatrix.testsupport.CliRunner;
import org.hapmatrix.testsupport.DebianExamples;
import org.hapmatrix.testsupport.ExternalTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * phase-Extender on a read-backed phased VCF: SHAPEIT4's example (Debian shapeit4-example) holds
 * NA12878 with 1,937 phased heterozygous calls in 404 PS blocks on contig 20. Converted with
 * hapmatrix to phase-Extender's file (with 20 other samples), phase-Extender extends the blocks:
 * its extended haplotype has the same rows in fewer blocks.
 *
 * <p>phase-Extender (github everestial/phase-Extender, Python with pandas) is not in the
 * repository and cannot be fetched at test time: the test runs when {@code PHASE_EXTENDER} names
 * its {@code phase-Extender.py} (bench/run.sh passes it on) and is skipped, saying so, otherwise.
 */
class PhaseExtenderTest {
    @TempDir
    Path tmp;

    @Test
    void extendsTheBlocksOfAReadBackedPhasedSample() throws IOException {
        String script = System.getenv("PHASE_EXTENDER");
        assumeTrue(script != null && Files.isRegularFile(Path.of(script)),
                "skipped: set PHASE_EXTENDER to phase-Extender.py (github everestial/phase-Extender) to run it");
        Path vcf = DebianExamples.unpacked("shapeit4-example").resolve("usr/share/doc/shapeit4/examples/test/unphased.vcf.gz");
        List<String> samples = List.of(tool("bcftools", "query", "-l", vcf.toString()).split("\n"));
        String kept = String.join(",", samples.subList(0, 20)) + ",NA12878";
        Path subset = tmp.resolve("subset.vcf.gz");
        tool("bcftools", "view", "-s", kept, "-Oz", "-o", subset.toString(), vcf.toString());
        Path haplotypes = tmp.resolve("haplotypes.txt");
        CliRunner.Result result = CliRunner.run("convert", subset.toString(), "--format", "phase-extender",
                "-o", haplotypes.toString(), "-q");
        assertEquals(0, result.exitCode(), result.toString());

        ExternalTool.Result run = ExternalTool.run(tmp, "sh", "-c", "cd '" + tmp + "' && /usr/bin/python3 '" + script
                + "' --input '" + haplotypes + "' --SOI NA12878 --output extended --writeLOD yes");
        assertEquals(0, run.exitCode(), run.toString());
        List<String> initial = Files.readAllLines(tmp.resolve("extended/initial_haplotype_NA12878.txt"));
        List<String> extended = Files.readAllLines(tmp.resolve("extended/extended_haplotype_NA12878.txt"));
        int initialBlocks = blocks(initial);
        int extendedBlocks = blocks(extended);
        assertTrue(initialBlocks >= 400, initialBlocks + " blocks in the input (404 PS values on contig 20)");
        assertEquals(initial.size(), extended.size(), "the same rows");
        assertTrue(extendedBlocks < initialBlocks, "blocks " + initialBlocks + " -> " + extendedBlocks);
    }

    /** Distinct values of the SOI's PI column. */
    private static int blocks(List<String> table) {
        int column = List.of(table.get(0).split("\t")).indexOf("NA12878:PI");
        Set<String> values = new HashSet<>();
        table.subList(1, table.size()).forEach(line -> values.add(line.split("\t")[column]));
        return values.size();
    }

    private String tool(String... command) {
        ExternalTool.Result result = ExternalTool.run(tmp, command);
        assertEquals(0, result.exitCode(), String.join(" ", command) + ": " + result);
        return result.stdout();
    }
}
