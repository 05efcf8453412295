package org.hapmatrix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hapmatrix.testsupport.CliRunner;
import org.hapmatrix.testsupport.ExternalTool;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21 item 5: a draft assembly's 100,000 contigs to an indexed .vcf.gz within a small Java
 * heap (htsjdk's index writer kept about 150 KB per contig: 15 GB here), and a heap too small
 * for a run is one line, not a stack trace.
 */
class ManyContigsMemoryTest {
    private static final int CONTIGS = 100_000;

    @TempDir
    Path tmp;
    private Path matrix;

    @BeforeEach
    void manyContigs() throws IOException {
        StringBuilder text = new StringBuilder("contig\tpos\tref\t1a\t1b\n");
        for (int contig = 0; contig < CONTIGS; contig++) {
            text.append("scaffold_").append(contig).append('\t').append(10 + contig % 7).append("\tA\tA\tC\n");
        }
        matrix = Files.writeString(tmp.resolve("many.txt"), text, StandardCharsets.UTF_8);
    }

    private record Run(int exitCode, String output) {
    }

    private Run convert(String heap, Path out) throws Exception {
        Path log = tmp.resolve("log.txt");
        Process process = new ProcessBuilder(CliRunner.separateJvm(List.of("-Xmx" + heap),
                List.of("convert", matrix.toString(), "-o", out.toString(), "-q")))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), "convert did not end");
        return new Run(process.exitValue(), Files.readString(log));
    }

    @Test
    void aHundredThousandContigsFitASmallHeapAndBcftoolsCountsThemThroughTheIndex() throws Exception {
        Path out = tmp.resolve("many.vcf.gz");
        Run run = convert("384m", out);
        assertEquals(0, run.exitCode(), run.output());
        assertEquals(CONTIGS + "\n", ExternalTool.succeed(tmp, "bcftools", "index", "-n", out.toString()));
        assertEquals("scaffold_99999\t.\t1\n", ExternalTool.succeed(tmp, "bcftools", "index", "-s", out.toString())
                .lines().filter(line -> line.startsWith("scaffold_99999\t")).findFirst().orElse("") + "\n");
    }

    @Test
    void aHeapTooSmallIsOneLineAndNoOutput() throws Exception {
        Path out = tmp.resolve("small-heap.vcf.gz");
        Run run = convert("48m", out);
        assertEquals(1, run.exitCode(), run.output());
        assertEquals(List.of("hapmatrix: out of Java heap memory (Java heap space); give Java more with"
                + " HAPMATRIX_JAVA_OPTS=-Xmx4g (or more)"), run.output().lines().toList());
        assertFalse(Files.exists(out));
    }
}
