package org.hapmatrix.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hapmatrix.testsupport.CliRunner;
import org.hapmatrix.testsupport.ExternalTool;
import org.hapmatrix.testsupport.HtsIndexDump;
import org.hapmatrix.testsupport.MatrixGenerator.GeneratedMatrix;
import org.hapmatrix.testsupport.MatrixGenerator;
import org.hapmatrix.testsupport.VcfSafeMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BCF output: what {@code bcftools view} reads from our {@code .bcf} is exactly what it reads
 * from our {@code .vcf} of the same run; the {@code .csi} beside it is bcftools' own (counts
 * included) and answers region queries; any thread count writes it alike.
 */
class BcfOutputTest {
    @TempDir
    Path tmp;

    private static void run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("-q");
        CliRunner.Result result = CliRunner.run(all.toArray(String[]::new));
        assertEquals(0, result.exitCode(), all + ": " + result.stderr());
    }

    private String view(String... args) {
        List<String> command = new ArrayList<>(List.of("bcftools", "view", "--no-version"));
        command.addAll(List.of(args));
        return ExternalTool.succeed(tmp, command.toArray(String[]::new));
    }

    @Test
    void bcftoolsReadsTheVcfsRecordsFromTheBcfOfGeneratedAndGoldenMatrices() throws IOException {
        List<List<String>> inputs = new ArrayList<>();
        Path seed = tmp.resolve("seed.txt");
        MatrixGenerator.seedShaped(7, 20_000).writeTo(seed, true);
        inputs.add(List.of(seed.toString()));
        for (long s = 1; s <= 5; s++) {
            GeneratedMatrix generated = VcfSafeMatrix.of(MatrixGenerator.generate(s), new Random(s));
            Path file = tmp.resolve("gen" + s + ".txt");
            generated.writeTo(file, true);
            inputs.add(List.of(file.toString()));
        }
        inputs.add(List.of("testdata/golden/small_matrix.txt", "--header", "testdata/golden/small_header.txt"));
        int n = 0;
        for (List<String> input : inputs) {
            n++;
            for (List<String> options : List.of(List.<String>of(), List.of("--missing", "ref"))) {
                Path vcf = tmp.resolve(n + ".vcf");
                runConvert(input, vcf, options, "1");
                String expected = view("-H", vcf.toString());
                String firstBcf = null;
                for (String threads : List.of("1", "2", "8")) {
                    Path bcf = tmp.resolve(n + "-" + threads + ".bcf");
                    runConvert(input, bcf, options, threads);
                    assertEquals(expected, view("-H", bcf.toString()), input + " " + options + " threads " + threads);
                    String records = view("-H", bcf.toString());
                    if (firstBcf == null) {
                        firstBcf = records;
                    }
                    assertEquals(firstBcf, records);
                    assertTrue(Files.exists(Path.of(bcf + ".csi")));
                }
                // Headers alike too, but for hapmatrix's run lines (bcftools adds FILTER PASS to the VCF's when it prints it).
                Path bcf = tmp.resolve(n + "-1.bcf");
                assertEquals(withoutRunLines(view("-h", vcf.toString())), withoutRunLines(view("-h", bcf.toString())));
                long records = expected.lines().count();
                // stdout only: bcftools warns on stderr that a .csi alone names no contigs, for its own BCF too.
                assertEquals(records + "\n", ExternalTool.run(tmp, "bcftools", "index", "-n", bcf.toString()).stdout());
                Path theirs = tmp.resolve(n + "-bcftools.bcf");
                Files.copy(bcf, theirs, StandardCopyOption.REPLACE_EXISTING);
                ExternalTool.succeed(tmp, "bcftools", "index", "-f", theirs.toString());
                assertEquals(HtsIndexDump.of(Path.of(theirs + ".csi")), HtsIndexDump.of(Path.of(bcf + ".csi")), input.toString());
                // stats of the two agree (the first lines name the files).
                assertEquals(stats(vcf), stats(bcf));
            }
        }
    }

    private void runConvert(List<String> input, Path out, List<String> options, String threads) {
        List<String> args = new ArrayList<>(List.of("convert"));
        args.addAll(input);
        args.addAll(List.of("-o", out.toString(), "--threads", threads));
        args.addAll(options);
        run(args.toArray(String[]::new));
    }

    private String stats(Path file) {
        return ExternalTool.succeed(tmp, "bcftools", "stats", file.toString()).lines()
                .filter(line -> !line.startsWith("#") && !line.startsWith("ID\t")).reduce("", (a, b) -> a + b + "\n");
    }

    private static String withoutRunLines(String header) {
        return header.lines().filter(line -> !line.startsWith("##source=") && !line.startsWith("##hapmatrix_command="))
                .reduce("", (a, b) -> a + b + "\n");
    }

    @Test
    void regionsOfTheBcfThroughItsIndex() throws IOException {
        Path seed = tmp.resolve("seed.txt");
        MatrixGenerator.seedShaped(9, 12_000).writeTo(seed, true);
        Path db = tmp.resolve("seed.duckdb");
        run("load", seed.toString(), "--db", db.toString());
        Path vcf = tmp.resolve("out.vcf.gz");
        Path bcf = tmp.resolve("out.bcf");
        run("export", "--db", db.toString(), "-o", vcf.toString());
        run("export", "--db", db.toString(), "-o", bcf.toString());
        for (String region : List.of("3:100-2000", "1", "4:2500-", "2:1-1")) {
            assertEquals(view("-H", "-r", region, vcf.toString()), view("-H", "-r", region, bcf.toString()), region);
        }
        java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        ExternalTool.succeed(tmp, "bcftools", "query", "-f", "%CHROM\\n", vcf.toString()).lines()
                .forEach(contig -> counts.merge(contig, 1, Integer::sum));
        StringBuilder perContig = new StringBuilder();
        counts.forEach((contig, count) -> perContig.append(contig).append("\t.\t").append(count).append('\n'));
        assertEquals(4, counts.size());
        assertEquals(perContig.toString(), ExternalTool.run(tmp, "bcftools", "index", "-s", bcf.toString()).stdout());
        // htsjdk's reader is not asked: its BCF2Codec reads only uncompressed BCF, and a .bcf is BGZF (bcftools' -Ob too).
    }

    @Test
    void bcfToStandardOutputIsBgzfAndANameOfAnotherFormatIsRefused() throws IOException {
        CliRunner.Result stdout = CliRunner.run("convert", "testdata/example/three_sites.txt", "--format", "bcf", "-q");
        assertEquals(0, stdout.exitCode(), stdout.stderr());
        Path piped = tmp.resolve("piped.bcf");
        Files.write(piped, stdout.stdout());
        Path file = tmp.resolve("file.BCF");
        run("convert", "testdata/example/three_sites.txt", "-o", file.toString());
        assertArrayEquals(new byte[] {0x1f, (byte) 0x8b, 8, 4}, java.util.Arrays.copyOf(stdout.stdout(), 4));
        assertEquals(view("-H", file.toString()), view("-H", piped.toString()));
        assertTrue(Files.exists(Path.of(file + ".csi")));
        CliRunner.Result tbi = CliRunner.run("convert", "testdata/example/three_sites.txt", "-o", tmp.resolve("x.bcf").toString(),
                "--index", "tbi", "-q");
        assertEquals(2, tbi.exitCode());
        assertEquals("hapmatrix: " + tmp.resolve("x.bcf") + ": BCF takes --index csi, not tbi\n", tbi.stderr());
        run("convert", "testdata/example/three_sites.txt", "-o", tmp.resolve("y.bcf").toString(), "--index", "none");
        assertFalse(Files.exists(tmp.resolve("y.bcf.csi")));
        assertEquals(view("-H", file.toString()), view("-H", tmp.resolve("y.bcf").toString()));
    }
}
