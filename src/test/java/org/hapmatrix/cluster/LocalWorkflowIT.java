package org.hapmatrix.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.hapmatrix.testsupport.MatrixGenerator.GeneratedMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * workflow/Snakefile run by the real snakemake on this machine (local jobs): the gathered output
 * equals one convert of the packaged command, for an indexed matrix and for a plain one with a
 * header file; a missing required key is a clear error.
 */
class LocalWorkflowIT {
    private static final Path SNAKEFILE = ScriptRunner.PROJECT.resolve("workflow/Snakefile");

    @TempDir
    Path tmp;

    private ScriptRunner.Outcome snakemake(String... config) throws Exception {
        List<String> command = new ArrayList<>(List.of("snakemake", "-s", SNAKEFILE.toString(), "-j", "2", "--config",
                "hapmatrix=" + ScriptRunner.LAUNCHER));
        command.addAll(List.of(config));
        return ScriptRunner.run(tmp, 300, Map.of(), command);
    }

    private byte[] convert(Path matrix, String... options) throws Exception {
        Path output = tmp.resolve("expected-" + matrix.getFileName() + ".txt");
        List<String> command = new ArrayList<>(List.of(ScriptRunner.LAUNCHER.toString(), "convert", matrix.toString(),
                "-o", output.toString(), "-q"));
        command.addAll(List.of(options));
        ScriptRunner.Outcome outcome = ScriptRunner.run(tmp, 120, Map.of(), command);
        assertEquals(0, outcome.exitCode(), outcome.log());
        return Files.readAllBytes(output);
    }

    @Test
    void indexedMatrixInGroupsOfContigsGivesOneConvertsBytes() throws Exception {
        GeneratedMatrix matrix = ClusterMatrices.sorted(3, 800);
        Path plain = tmp.resolve("m.txt");
        matrix.writeTo(plain, true);
        Path indexed = ExternalTools.bgzipAndIndex(plain, 1);
        Path output = tmp.resolve("gathered.txt.gz");
        ScriptRunner.Outcome outcome = snakemake("matrix=" + indexed, "output=" + output, "contigs_per_job=3",
                "threads=1", "mem_mb=1024");
        assertEquals(0, outcome.exitCode(), outcome.log());
        assertArrayEquals(convert(indexed), gunzip(output));
        // 7 contigs in groups of 3: three convert jobs, their parts removed after the gather
        assertTrue(outcome.log().contains("convert_group"), outcome.log());
        assertEquals(3, outcome.log().split("rule convert_group:", -1).length - 1, outcome.log());
        Path parts = tmp.resolve("gathered.txt.gz.hapmatrix-work/parts");
        if (Files.isDirectory(parts)) { // snakemake removes the emptied folder too
            try (var left = Files.list(parts)) {
                assertFalse(left.findAny().isPresent(), "parts left after the gather");
            }
        }
    }

    @Test
    void plainMatrixWithAHeaderFileAndExtraOptions() throws Exception {
        GeneratedMatrix matrix = ClusterMatrices.sorted(4, 300);
        Path plain = tmp.resolve("headerless.txt");
        matrix.writeTo(plain, false);
        Path header = tmp.resolve("header.txt");
        matrix.writeHeaderFile(header);
        Path output = tmp.resolve("gathered.txt");
        ScriptRunner.Outcome outcome = snakemake("matrix=" + plain, "output=" + output, "header=" + header,
                "options=--samples 1a,1b,2a,2b");
        assertEquals(0, outcome.exitCode(), outcome.log());
        assertArrayEquals(convert(plain, "--header", header.toString(), "--samples", "1a,1b,2a,2b"),
                Files.readAllBytes(output));
    }

    @Test
    void vcfGzOutputIsTheConvertsVcfWithANewIndex() throws Exception {
        GeneratedMatrix matrix = ClusterMatrices.sorted(5, 300, ClusterMatrices.VCF_CONTIGS);
        Path plain = tmp.resolve("v.txt");
        matrix.writeTo(plain, true);
        Path indexed = ExternalTools.bgzipAndIndex(plain, 1);
        Path output = tmp.resolve("gathered.vcf.gz");
        ScriptRunner.Outcome outcome = snakemake("matrix=" + indexed, "output=" + output, "contigs_per_job=2", "threads=1");
        assertEquals(0, outcome.exitCode(), outcome.log());
        Path whole = tmp.resolve("whole.vcf");
        ScriptRunner.Outcome convert = ScriptRunner.run(tmp, 120, Map.of(), List.of(ScriptRunner.LAUNCHER.toString(),
                "convert", indexed.toString(), "-o", whole.toString(), "-q"));
        assertEquals(0, convert.exitCode(), convert.log());
        // one convert's bytes but for the line recording each run's own command
        assertEquals(withoutCommandLine(Files.readAllBytes(whole)), withoutCommandLine(gunzip(output)));
        assertEquals(String.join("\n", ClusterMatrices.VCF_CONTIGS.subList(0, 6)) + "\n",
                ExternalTools.succeed(tmp, "tabix", "-l", output.toString()));
    }

    private static String withoutCommandLine(byte[] vcf) {
        return new String(vcf, java.nio.charset.StandardCharsets.UTF_8).replaceAll("(?m)^##hapmatrix_command=.*\n", "");
    }

    @Test
    void aMissingMatrixKeyIsAClearError() throws Exception {
        ScriptRunner.Outcome outcome = snakemake("output=" + tmp.resolve("x.txt"));
        assertEquals(1, outcome.exitCode(), outcome.log());
        assertTrue(outcome.log().contains("workflow/config.yaml: 'matrix' is required (snakemake --config matrix=...)"),
                outcome.log());
    }

    private static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }
}
