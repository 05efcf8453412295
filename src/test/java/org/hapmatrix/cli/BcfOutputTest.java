package org.hapmatrix.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hapmatrix.testsupport.CliRunner;
import org.hapmatrix.testsupport.ExternalTool;
import org.hapmatrix.testsupport.HtsIndexDump;
import org.hapmatrix.testsupport.MatrixGenerator.GeneratedMatrix;
import org.hapmatrix.testsupport.MatrixGenerator;
import org.hapmatrix.testsupport.VcfGenerator;
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

    /**
     * Phase sets: the BCF has GT:PS where the VCF of the same run has it, for convert and export,
     * with PS of every integer width, missing, and beyond int32 (htslib reads that from the VCF as
     * missing); and its records are, byte for byte, what bcftools encodes from that VCF. A VCF input
     * with a PS beyond int32 is refused now; a database loaded before may hold one, as made here.
     */
    /** A phase set the test's database changes to 3000000000 after loading. */
    private static final long TO_BE_BEYOND_INT32 = 2147483646L;

    @Test
    void phaseSetsAsInTheVcfOfTheSameRun() throws Exception {
        Path handWritten = Files.writeString(tmp.resolve("ps.vcf"), "##fileformat=VCFv4.2\n##contig=<ID=chr1>\n"
                + "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n"
                + "##FORMAT=<ID=PS,Number=1,Type=Integer,Description=\"Phase set\">\n"
                + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\tS2\n"
                + "chr1\t10\t.\tA\tG\t.\tPASS\t.\tGT:PS\t0|1:10\t1|0:.\n"
                + "chr1\t20\t.\tC\tT\t.\tPASS\t.\tGT:PS\t1|1:10\t0/1:5\n"
                + "chr1\t30\t.\tC\tT\t.\tPASS\t.\tGT\t1|0\t0|1\n"
                + "chr1\t40\t.\tG\tA\t.\tPASS\t.\tGT:PS\t0|1:300\t1|0:127\n"
                + "chr1\t50\t.\tG\tA\t.\tPASS\t.\tGT:PS\t0|1:32768\t1|0:70000\n"
                + "chr1\t60\t.\tG\tA\t.\tPASS\t.\tGT:PS\t0|1:2147483647\t1|0:" + TO_BE_BEYOND_INT32 + "\n"
                + "chr1\t70\t.\tG\tA\t.\tPASS\t.\tGT:PS\t0|1:" + TO_BE_BEYOND_INT32 + "\t1|0:.\n");
        Path generated = Files.writeString(tmp.resolve("generated.vcf"), VcfGenerator.generate(5, 3000, 4).text());
        for (Path input : List.of(handWritten, generated)) {
            Path db = tmp.resolve(input.getFileName() + ".duckdb");
            run("load", input.toString(), "--db", db.toString());
            try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + db);
                 Statement statement = connection.createStatement()) {
                statement.execute("UPDATE phase_sets SET phase_set = 3000000000 WHERE phase_set = " + TO_BE_BEYOND_INT32);
            }
            for (List<String> options : List.of(List.<String>of(), List.of("--missing", "ref"), List.of("--gaps", "deletion"))) {
                for (String command : List.of("convert", "export")) {
                    String name = input.getFileName() + "-" + command + "-" + String.join("", options);
                    Path vcf = tmp.resolve(name + ".vcf");
                    Path bcf = tmp.resolve(name + ".bcf");
                    for (Path out : List.of(vcf, bcf)) {
                        List<String> args = new ArrayList<>(command.equals("convert")
                                ? List.of("convert", input.toString()) : List.of("export", "--db", db.toString()));
                        args.addAll(List.of("-o", out.toString()));
                        args.addAll(options);
                        run(args.toArray(String[]::new));
                    }
                    String records = bcftoolsStdout("view", "--no-version", "-H", vcf.toString());
                    assertTrue(records.contains("GT:PS"), name);
                    assertEquals(records, bcftoolsStdout("view", "--no-version", "-H", bcf.toString()), name);
                    assertEquals(withoutRunLines(bcftoolsStdout("view", "--no-version", "-h", vcf.toString())),
                            withoutRunLines(bcftoolsStdout("view", "--no-version", "-h", bcf.toString())), name);
                    assertArrayEquals(bcfRecords(vcf), bcfRecords(bcf), name);
                }
            }
        }
        // The hand-written input's phase sets as bcftools reads them from the BCF: int8, int16, int32 and missing.
        Path bcf = tmp.resolve("ps.vcf-export-.bcf");
        assertEquals("10 . \n10 . \n. . \n300 127 \n32768 70000 \n2147483647 . \n. . \n",
                bcftoolsStdout("query", "-f", "[%PS ]\\n", bcf.toString()));
    }

    /** What bcftools prints on standard output (its warnings, on standard error, are not compared). */
    private String bcftoolsStdout(String... args) {
        List<String> command = new ArrayList<>(List.of("bcftools"));
        command.addAll(List.of(args));
        ExternalTool.Result result = ExternalTool.run(tmp, command.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result.toString());
        return result.stdout();
    }

    /** The records of {@code file} as bcftools writes them uncompressed (-Ou): the bytes after the header. */
    private byte[] bcfRecords(Path file) throws IOException {
        Path uncompressed = tmp.resolve(file.getFileName() + ".uncompressed"); // a name ending .bcf would be BGZF, -Ou or not
        bcftoolsStdout("view", "--no-version", "-Ou", "-o", uncompressed.toString(), file.toString());
        byte[] bytes = Files.readAllBytes(uncompressed);
        int textLength = (bytes[5] & 0xff) | (bytes[6] & 0xff) << 8 | (bytes[7] & 0xff) << 16 | (bytes[8] & 0xff) << 24;
        return java.util.Arrays.copyOfRange(bytes, 9 + textLength, bytes.length);
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
