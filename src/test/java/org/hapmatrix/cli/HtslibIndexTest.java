package org.hapmatrix.cli;

import static org.hapmatrix.cli.FormatsMatchReferenceTest.withoutRunLines;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.hapmatrix.testsupport.CliRunner;
import org.hapmatrix.testsupport.ExternalTool;
import org.hapmatrix.testsupport.HtsIndexDump;
import org.hapmatrix.testsupport.MatrixGenerator.GeneratedMatrix;
import org.hapmatrix.testsupport.MatrixGenerator;
import org.hapmatrix.testsupport.VcfSafeMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output names as htslib names its formats, and indexes that bcftools trusts: hapmatrix's
 * {@code .tbi} and {@code .csi} equal, field by field, the ones tabix and bcftools build for the
 * same file (bins, chunks, linear index, the per-contig counts of the pseudo-bin), so
 * {@code bcftools index -n/-s} answer exactly; a table {@code .gz} is BGZF that tabix indexes.
 */
class HtslibIndexTest {
    @TempDir
    Path tmp;

    private Path matrix(GeneratedMatrix generated, String name) {
        Path file = tmp.resolve(name);
        generated.writeTo(file, true);
        return file;
    }

    private static void convert(String... args) {
        List<String> all = new ArrayList<>(List.of("convert"));
        all.addAll(List.of(args));
        all.add("-q");
        CliRunner.Result result = CliRunner.run(all.toArray(String[]::new));
        assertEquals(0, result.exitCode(), all + ": " + result.stderr());
    }

    /** Per contig in file order, its record count, from the records themselves. */
    private Map<String, Integer> countsByContig(Path vcf) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        String contigs = ExternalTool.succeed(tmp, "bcftools", "query", "-f", "%CHROM\\n", vcf.toString());
        contigs.lines().forEach(contig -> counts.merge(contig, 1, Integer::sum));
        return counts;
    }

    @Test
    void vcfIndexesEqualTabixAndBcftoolsOwnAndCountRecordsAtAnyThreadCount() throws IOException {
        List<GeneratedMatrix> matrices = new ArrayList<>();
        matrices.add(MatrixGenerator.seedShaped(11, 30_000));
        for (long seed = 1; seed <= 6; seed++) {
            matrices.add(VcfSafeMatrix.of(MatrixGenerator.generate(seed), new Random(seed)));
        }
        for (int m = 0; m < matrices.size(); m++) {
            Path input = matrix(matrices.get(m), "m" + m + ".txt");
            String firstVcf = null;
            for (String threads : List.of("1", "2", "8")) {
                Path out = tmp.resolve("m" + m + "-" + threads + ".vcf.gz");
                convert(input.toString(), "-o", out.toString(), "--threads", threads);
                String content = withoutRunLines(new String(gunzip(out), StandardCharsets.UTF_8));
                if (firstVcf == null) {
                    firstVcf = content;
                }
                assertEquals(firstVcf, content, "threads " + threads);
                // Each thread count's index is tabix's own for its file (the command line in the header moves the offsets).
                Path theirs = tmp.resolve("m" + m + "-" + threads + "-tabix.vcf.gz");
                Files.copy(out, theirs, StandardCopyOption.REPLACE_EXISTING);
                ExternalTool.succeed(tmp, "tabix", "-f", "-p", "vcf", theirs.toString());
                assertEquals(HtsIndexDump.of(Path.of(theirs + ".tbi")), HtsIndexDump.of(Path.of(out + ".tbi")), "matrix " + m);
            }
            Path ours = tmp.resolve("m" + m + "-1.vcf.gz");
            Map<String, Integer> counts = countsByContig(ours);
            int records = counts.values().stream().mapToInt(Integer::intValue).sum();
            assertEquals(records + "\n", ExternalTool.succeed(tmp, "bcftools", "index", "-n", ours.toString()));
            StringBuilder stats = new StringBuilder();
            counts.forEach((contig, count) -> stats.append(contig).append("\t.\t").append(count).append('\n'));
            ExternalTool.Result perContig = ExternalTool.run(tmp, "bcftools", "index", "-s", ours.toString());
            assertEquals(0, perContig.exitCode(), perContig.stderr());
            assertEquals(stats.toString(), perContig.stdout());

            Path csi = tmp.resolve("m" + m + "-csi.vcf.gz");
            convert(input.toString(), "-o", csi.toString(), "--index", "csi", "--threads", "2");
            assertEquals(firstVcf, withoutRunLines(new String(gunzip(csi), StandardCharsets.UTF_8)));
            assertFalse(Files.exists(Path.of(csi + ".tbi")));
            Path theirs = tmp.resolve("m" + m + "-bcftools.vcf.gz");
            Files.copy(csi, theirs, StandardCopyOption.REPLACE_EXISTING);
            ExternalTool.succeed(tmp, "bcftools", "index", "-f", "-c", theirs.toString());
            assertEquals(HtsIndexDump.of(Path.of(theirs + ".csi")), HtsIndexDump.of(Path.of(csi + ".csi")), "matrix " + m);
            assertEquals(records + "\n", ExternalTool.succeed(tmp, "bcftools", "index", "-n", csi.toString()));
        }
    }

    @Test
    void aCompressedTableIsBgzfAndItsIndexIsTabixOwn() throws IOException {
        Path input = matrix(MatrixGenerator.seedShaped(3, 20_000), "seed.txt");
        Path plain = tmp.resolve("plain.tsv");
        convert(input.toString(), "-o", plain.toString());
        for (String name : List.of("t.tsv.gz", "t.txt.BGZ")) {
            Path unindexed = tmp.resolve(name);
            convert(input.toString(), "-o", unindexed.toString());
            assertArrayEquals(Files.readAllBytes(plain), gunzip(unindexed));
            assertFalse(Files.exists(Path.of(unindexed + ".tbi")));
            ExternalTool.succeed(tmp, "bgzip", "-t", unindexed.toString()); // BGZF, not plain gzip
        }
        for (String threads : List.of("1", "8")) {
            Path indexed = tmp.resolve("i" + threads + ".tsv.gz");
            convert(input.toString(), "-o", indexed.toString(), "--index", "tbi", "--threads", threads);
            assertArrayEquals(Files.readAllBytes(plain), gunzip(indexed));
            Path theirs = tmp.resolve("tabix" + threads + ".tsv.gz");
            Files.copy(indexed, theirs, StandardCopyOption.REPLACE_EXISTING);
            ExternalTool.succeed(tmp, "tabix", "-f", "-s1", "-b2", "-e2", "-S1", theirs.toString());
            assertEquals(HtsIndexDump.of(Path.of(theirs + ".tbi")), HtsIndexDump.of(Path.of(indexed + ".tbi")));
            String region = ExternalTool.succeed(tmp, "tabix", indexed.toString(), "2:300-900");
            String expected = Files.readAllLines(plain).stream().skip(1).filter(line -> {
                String[] fields = line.split("\t", 3);
                long pos = Long.parseLong(fields[1]);
                return fields[0].equals("2") && pos >= 300 && pos <= 900;
            }).map(line -> line + "\n").reduce("", String::concat);
            assertTrue(expected.length() > 0);
            assertEquals(expected, region);
        }
    }

    @Test
    void aPositionBeyondTbiTakesCsiUnlessTbiWasAskedFor() throws IOException {
        Path input = tmp.resolve("far.txt");
        Files.writeString(input, "CHROM\tPOS\tREF\t1a\t1b\nc1\t5\tA\tC\tA\nc1\t536870913\tAC\tA\tAC\nc2\t7\tA\tA\tC\n");
        Path out = tmp.resolve("far.vcf.gz");
        Files.writeString(Path.of(out + ".tbi"), "stale");
        convert(input.toString(), "-o", out.toString());
        assertFalse(Files.exists(Path.of(out + ".tbi")), "a stale .tbi beside the new file is removed");
        assertTrue(Files.exists(Path.of(out + ".csi")));
        assertEquals("c1\t536870913\n", ExternalTool.succeed(tmp, "bcftools", "query", "-r", "c1:536870913",
                "-f", "%CHROM\\t%POS\\n", out.toString()));
        assertEquals("c1\t.\t2\nc2\t.\t1\n", ExternalTool.succeed(tmp, "bcftools", "index", "-s", out.toString()));

        Path asked = tmp.resolve("asked.vcf.gz");
        CliRunner.Result refused = CliRunner.run("convert", input.toString(), "-o", asked.toString(), "--index", "tbi", "-q");
        assertEquals(1, refused.exitCode());
        assertEquals("hapmatrix: " + input + ": contig 'c1', position 536870913 (its REF reaches 536870914): beyond 536870912, the last position a"
                + " .tbi index holds; use --index csi (or leave --index out)\n", refused.stderr());
        assertFalse(Files.exists(asked));
        assertFalse(Files.exists(Path.of(asked + ".tbi")));

        // Issue 21 item 14: a REF that starts at the .tbi's last position and ends beyond it says so.
        Path edge = tmp.resolve("edge.txt");
        Files.writeString(edge, "CHROM\tPOS\tREF\t1a\t1b\nc1\t536870912\tAC\tA\tAC\n");
        refused = CliRunner.run("convert", edge.toString(), "-o", asked.toString(), "--index", "tbi", "-q");
        assertEquals(1, refused.exitCode());
        assertEquals("hapmatrix: " + edge + ": contig 'c1', position 536870912 (its REF reaches 536870913): beyond"
                + " 536870912, the last position a .tbi index holds; use --index csi (or leave --index out)\n", refused.stderr());
        assertFalse(Files.exists(asked));
    }

    /**
     * A matrix of {@code sitesPerContig} sites on each contig, from its first position on in
     * random steps of up to {@code maxStep}: several BGZF blocks, so the index has chunks to merge.
     */
    private Path farMatrix(String name, Map<String, Long> firstPositions, int sitesPerContig, int maxStep) throws IOException {
        Random random = new Random(name.hashCode());
        StringBuilder text = new StringBuilder("CHROM\tPOS\tREF\t1a\t1b\t2a\t2b\n");
        firstPositions.forEach((contig, first) -> {
            long position = first;
            for (int site = 0; site < sitesPerContig; site++) {
                text.append(contig).append('\t').append(position).append("\tA\t").append("CGT".charAt(random.nextInt(3)))
                        .append("\tA\tA\t").append("ACG".charAt(random.nextInt(3))).append('\n');
                position += 1 + random.nextInt(maxStep);
            }
        });
        return Files.writeString(tmp.resolve(name), text);
    }

    /** The table's lines (header aside) on {@code contig} from {@code from} to {@code to}: what tabix should find. */
    private static String linesIn(List<String> table, String contig, long from, long to) {
        StringBuilder lines = new StringBuilder();
        for (String line : table.subList(1, table.size())) {
            String[] fields = line.split("\t", 3);
            long position = Long.parseLong(fields[1]);
            if (fields[0].equals(contig) && position >= from && position <= to) {
                lines.append(line).append('\n');
            }
        }
        return lines.toString();
    }

    /** tabix on {@code indexed} finds lines of the table (about 40) at their own positions, and each region's lines. */
    private void assertTabixFinds(Path indexed, List<String> table, List<String> regions) {
        for (int line = 1; line < table.size(); line += Math.max(1, table.size() / 40)) {
            String[] fields = table.get(line).split("\t", 3);
            String site = fields[0] + ":" + fields[1] + "-" + fields[1]; // "c1:5" alone is from 5 to the contig's end
            assertEquals(table.get(line) + "\n", ExternalTool.succeed(tmp, "tabix", indexed.toString(), site), site);
        }
        for (String region : regions) {
            String[] parts = region.split("[:-]");
            String expected = linesIn(table, parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2]));
            assertTrue(expected.length() > 0, region);
            assertEquals(expected, ExternalTool.succeed(tmp, "tabix", indexed.toString(), region), region);
        }
    }

    @Test
    void aTableCsiOfPositionsBeyond2To31IsTabixOwn() throws IOException {
        // Issue: positions of 2^31 and more wrapped to 32 bits in the index, so tabix found nothing there.
        Map<String, Long> firsts = new LinkedHashMap<>();
        firsts.put("c1", 2_147_483_647L - 30_000); // through 2^31 - 1 and 2^31
        firsts.put("c2", 3_000_000_000L);
        firsts.put("c3", 1L);
        Path input = farMatrix("beyond31.txt", firsts, 25_000, 3);
        Path edge = Files.writeString(tmp.resolve("edge.txt"),
                "CHROM\tPOS\tREF\t1a\t1b\nc1\t2147483647\tA\tC\tA\nc1\t2147483648\tA\tG\tA\nc1\t4294967296\tA\tT\tA\n");
        for (Path matrix : List.of(input, edge)) {
            Path plain = tmp.resolve(matrix.getFileName() + ".tsv");
            convert(matrix.toString(), "-o", plain.toString());
            List<String> table = Files.readAllLines(plain);
            Path indexed = tmp.resolve(matrix.getFileName() + ".tsv.gz");
            convert(matrix.toString(), "-o", indexed.toString(), "--index", "csi", "--threads", "2");
            assertArrayEquals(Files.readAllBytes(plain), gunzip(indexed));
            // Up to 2^32 tabix -C builds a .csi of the table too (6 levels, as ours): the same, field by field.
            Path theirs = tmp.resolve("tabix-" + matrix.getFileName() + ".tsv.gz");
            Files.copy(indexed, theirs, StandardCopyOption.REPLACE_EXISTING);
            ExternalTool.succeed(tmp, "tabix", "-f", "-C", "-s1", "-b2", "-e2", "-S1", theirs.toString());
            assertEquals(HtsIndexDump.of(Path.of(theirs + ".csi")), HtsIndexDump.of(Path.of(indexed + ".csi")), matrix.toString());
            assertTrue(HtsIndexDump.of(Path.of(indexed + ".csi")).contains("depth 6\n"));
            assertTabixFinds(indexed, table, matrix == edge ? List.of("c1:2147483647-2147483648", "c1:2147483648-4294967296")
                    : List.of("c1:2147483000-2147483700", "c2:3000000000-3000010000", "c3:1-400"));
        }
    }

    @Test
    void aTableCsiIsAsDeepAsItsPositionsNeed() throws IOException {
        // tabix 1.16 -C keeps 6 levels for a table and refuses an end beyond 2^32 ("cannot be stored in a csi
        // index"), so here tabix's queries judge the index: 7 levels past 2^32, 8 past 2^35.
        Map<String, Long> firsts = new LinkedHashMap<>();
        firsts.put("c1", 1L);
        firsts.put("c2", (1L << 32) - 20_000); // through 2^32: 7 levels
        firsts.put("c3", 4_294_967_301L);
        Path seven = farMatrix("beyond32.txt", firsts, 20_000, 3);
        firsts.put("c4", (1L << 35) - 20_000); // through 2^35: 8 levels
        Path eight = farMatrix("beyond35.txt", firsts, 20_000, 3);
        for (Path matrix : List.of(seven, eight)) {
            Path plain = tmp.resolve(matrix.getFileName() + ".tsv");
            convert(matrix.toString(), "-o", plain.toString());
            List<String> table = Files.readAllLines(plain);
            Path indexed = tmp.resolve(matrix.getFileName() + ".tsv.gz");
            convert(matrix.toString(), "-o", indexed.toString(), "--index", "csi", "--threads", "2");
            assertTrue(HtsIndexDump.of(Path.of(indexed + ".csi")).contains(matrix == seven ? "depth 7\n" : "depth 8\n"));
            List<String> regions = new ArrayList<>(List.of("c1:1-5000", "c2:4294960000-4294970000", "c3:4294967301-4294967400"));
            if (matrix == eight) {
                regions.add("c4:34359730000-34359740000");
            }
            assertTabixFinds(indexed, table, regions);
            assertEquals(String.join("\n", firsts.keySet().stream().limit(matrix == seven ? 3 : 4).toList()) + "\n",
                    ExternalTool.succeed(tmp, "tabix", "-l", indexed.toString()));
        }
    }

    @Test
    void aTablePositionNoIndexCanHoldIsRefusedLeavingNoOutput() throws IOException {
        // An explicit .tbi holds 2^29 at most, also for positions beyond 32 bits (they wrapped and fitted).
        for (String position : List.of("536870913", "3000000000", "4294967301")) {
            Path input = Files.writeString(tmp.resolve("far.txt"), "CHROM\tPOS\tREF\t1a\t1b\nc1\t5\tA\tC\tA\nc1\t" + position
                    + "\tA\tC\tA\n");
            assertRefused(input, "tbi", "contig 'c1', position " + position
                    + ": beyond 536870912, the last position a .tbi index holds; use --index csi (or leave --index out)");
        }
        // Beyond 2^41 no .csi holds it either (9 levels, htslib's deepest); every index says so.
        Path input = Files.writeString(tmp.resolve("farther.txt"),
                "CHROM\tPOS\tREF\t1a\t1b\nc1\t5\tA\tC\tA\nc1\t2199023255553\tA\tC\tA\n");
        for (String index : List.of("csi", "tbi")) {
            assertRefused(input, index, "contig 'c1', position 2199023255553: beyond 2199023255552, the last position a"
                    + " .csi index holds; write the output without an index (--index none)");
        }
        convert(input.toString(), "-o", tmp.resolve("farther.tsv.gz").toString(), "--index", "none");
    }

    private void assertRefused(Path input, String index, String message) {
        Path out = tmp.resolve("refused.tsv.gz");
        CliRunner.Result refused = CliRunner.run("convert", input.toString(), "-o", out.toString(), "--index", index, "-q");
        assertEquals(1, refused.exitCode(), refused.stderr());
        assertEquals("hapmatrix: " + input + ": " + message + "\n", refused.stderr());
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(Path.of(out + ".tbi")));
        assertFalse(Files.exists(Path.of(out + ".csi")));
    }

    @Test
    void theOutputTypeComesFromTheNameInAnyCaseAndAnotherFormatIsAUsageError() throws IOException {
        Path input = tmp.resolve("three.txt");
        Files.copy(Path.of("testdata/example/three_sites.txt"), input);
        for (String name : List.of("a.VCF", "b.Vcf.Gz", "c.vcf.bgz")) {
            Path out = tmp.resolve(name);
            convert(input.toString(), "-o", out.toString());
            String text = new String(name.toLowerCase().endsWith(".vcf") ? Files.readAllBytes(out) : gunzip(out), StandardCharsets.UTF_8);
            assertTrue(text.startsWith("##fileformat=VCFv4.2\n"), name);
            assertEquals(!name.toLowerCase().endsWith(".vcf"), Files.exists(Path.of(out + ".tbi")), name);
        }
        for (List<String> wrong : List.of(List.of("--format", "tsv", "-o", "x.vcf"), List.of("--format", "vcf", "-o", "x.BCF"),
                List.of("--format", "phase-extender", "-o", "x.vcf.gz"))) {
            List<String> args = new ArrayList<>(List.of("convert", input.toString(), "-q"));
            args.addAll(wrong);
            args.set(args.size() - 1, tmp.resolve(wrong.get(3)).toString());
            CliRunner.Result result = CliRunner.run(args.toArray(String[]::new));
            assertEquals(2, result.exitCode(), wrong.toString());
            assertTrue(result.stderr().startsWith("hapmatrix: " + tmp.resolve(wrong.get(3)) + ": the name says "), result.stderr());
            assertTrue(result.stderr().contains("not --format " + wrong.get(1) + "; name the output to match"), result.stderr());
            assertFalse(Files.exists(tmp.resolve(wrong.get(3))));
        }
        // --format agrees with a name no format claims.
        convert(input.toString(), "-o", tmp.resolve("vcf.out").toString(), "--format", "vcf");
        assertTrue(Files.readString(tmp.resolve("vcf.out")).startsWith("##fileformat=VCF"));
    }

    @Test
    void anIndexNeedsACompressedFileOfAFormatThatTakesIt() {
        Path input = Path.of("testdata/example/three_sites.txt");
        assertUsage("hapmatrix: " + tmp.resolve("x.vcf") + ": --index tbi needs a BGZF output; name it .gz (or .bgz),"
                + " or leave --index out\n", "convert", input.toString(), "-o", tmp.resolve("x.vcf").toString(), "--index", "tbi");
        assertUsage("hapmatrix: --index csi: standard output has no index beside it; name an output file (-o)\n",
                "convert", input.toString(), "--index", "csi", "--format", "vcf");
    }

    private void assertUsage(String message, String... args) {
        CliRunner.Result result = CliRunner.run(args);
        assertEquals(2, result.exitCode(), result.stderr());
        assertEquals(message, result.stderr());
    }

    static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }
}
