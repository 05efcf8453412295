package org.hapmatrix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.hapmatrix.reference.ReferenceConverter;
import org.hapmatrix.reference.ReferenceFormats;
import org.hapmatrix.reference.ReferenceFormats.Options;
import org.hapmatrix.reference.ReferencePair;
import org.hapmatrix.testsupport.CliRunner;
import org.hapmatrix.testsupport.ExternalTool;
import org.hapmatrix.testsupport.GapMatrices;
import org.hapmatrix.testsupport.MatrixGenerator.GeneratedMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --gaps star|deletion|missing} (docs/formats.md, "Gaps"): the records against the
 * reference converter on matrices with every gap edge case, in VCF, .vcf.gz and BCF, from
 * convert and export; bcftools norm checks the deletions' REF against a FASTA of the matrix's REF
 * column and bcftools view -v indels counts them.
 */
class GapsTest {
    private static final String EDGES = String.join("\n",
            "CHROM\tPOS\tREF\t1a\t1b\t2a\t2b",
            "c1\t1\tA\t-\tA\tA\tA", // a gap at the contig's first site: no anchor
            "c1\t2\tC\tC\t-\tC\tC", // its run goes on: still no anchor
            "c1\t3\tG\tG\tG\tG\tG", // no ALT, not written: the anchor of 4-5
            "c1\t4\tT\t-\t-\tT\tT",
            "c1\t5\tA\t-\tAT\tA\tN", // a multi-base allele beside a gap, N in the run
            "c1\t6\tC\tC\tC\tC\tC",
            "c1\t9\tG\t-\tG\tG\tG", // after a hole: no anchor
            "c1\t10\tT\tT\tT\tA\tT", // a SNP anchoring the gap after it
            "c1\t11\tC\t-\tC\tC\tC",
            "c2\t1\tG\tG\tG\tG\tG", // another contig: its own first site anchors
            "c2\t2\tA\t-\t-\t-\t-") + "\n"; // every haplotype a gap

    @TempDir
    Path tmp;

    private Path edges() throws IOException {
        Path matrix = tmp.resolve("edges.txt");
        Files.writeString(matrix, EDGES, StandardCharsets.US_ASCII);
        return matrix;
    }

    private static List<String> records(Path vcf) {
        String text = ExternalTool.succeed(vcf.getParent(), "bcftools", "view", "-H", vcf.toString());
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }

    @Test
    void deletionJoinsEachRunWithItsAnchorAndWritesRunsWithoutOneAsStars() throws IOException {
        Path out = tmp.resolve("out.vcf");
        CliRunner.Result result = CliRunner.run("convert", edges().toString(), "-o", out.toString(), "--gaps", "deletion");
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(List.of(
                "c1\t1\t.\tA\t*\t.\t.\tAC=1;AN=4\tGT\t1|0\t0|0",
                "c1\t2\t.\tC\t*\t.\t.\tAC=1;AN=4\tGT\t0|1\t0|0",
                "c1\t3\t.\tGTA\tG,GAT\t.\t.\tAC=1,1;AN=3\tGT\t1|2\t0|.",
                "c1\t9\t.\tG\t*\t.\t.\tAC=1;AN=4\tGT\t1|0\t0|0",
                "c1\t10\t.\tTC\tAC,T\t.\t.\tAC=1,1;AN=4\tGT\t2|0\t1|0",
                "c2\t1\t.\tGA\tG\t.\t.\tAC=4;AN=4\tGT\t1|1\t1|1"), records(out));
        assertTrue(result.stderr().contains(", 3 deletion(s) from 4 gap site(s), 3 gap site(s) without an anchor written as *"),
                result.stderr());
        assertEquals(List.of(), ReferenceCheck.differences(EDGES, out, "deletion"));
    }

    @Test
    void missingWritesAGapAsMissingDataAndNoStarAllele() throws IOException {
        Path out = tmp.resolve("out.vcf");
        CliRunner.Result result = CliRunner.run("convert", edges().toString(), "-o", out.toString(), "--gaps", "missing", "-q");
        assertEquals(0, result.exitCode(), result.toString());
        List<String> records = records(out);
        assertEquals("c1\t1\t.\tA\t.\t.\t.\tAN=3\tGT\t.|0\t0|0", records.get(0));
        assertEquals("c2\t2\t.\tA\t.\t.\t.\tAN=0\tGT\t.|.\t.|.", records.get(records.size() - 1));
        assertTrue(records.stream().noneMatch(r -> r.contains("*")), records.toString());
        CliRunner.Result asRef = CliRunner.run("convert", edges().toString(), "-o", tmp.resolve("ref.vcf").toString(),
                "--gaps", "missing", "--missing", "ref", "-q");
        assertEquals(0, asRef.exitCode(), asRef.toString());
        assertEquals("c1\t1\t.\tA\t.\t.\t.\tAN=4\tGT\t0|0\t0|0", records(tmp.resolve("ref.vcf")).get(0));
    }

    @Test
    void starIsTheDefaultAndWritesWhatHapmatrixAlwaysWrote() throws IOException {
        Path plain = tmp.resolve("plain.vcf");
        Path star = tmp.resolve("star.vcf");
        assertEquals(0, CliRunner.run("convert", edges().toString(), "-o", plain.toString(), "-q").exitCode());
        assertEquals(0, CliRunner.run("convert", edges().toString(), "-o", star.toString(), "-q", "--gaps", "star").exitCode());
        assertEquals(records(plain), records(star));
        assertFalse(Files.readString(plain).contains("gaps="), "a default run's header is as before");
        assertTrue(Files.readString(tmp.resolve("star.vcf")).contains("##hapmatrix_options=missing=dot;alt_samples=4:"));
        assertEquals("c1\t1\t.\tA\t*\t.\t.\tAC=1;AN=4\tGT\t1|0\t0|0", records(plain).get(0));
    }

    static Stream<Long> seeds() {
        return LongStream.range(0, 12).boxed();
    }

    /**
     * Generated gap matrices, every mode, VCF, .vcf.gz and BCF: the reference's records; the
     * deletions pass bcftools norm --check-ref e against the REF column's FASTA and are the
     * records bcftools view -v indels selects (with the multi-base alleles' insertions).
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void generatedMatricesEqualTheReferenceInEveryModeAndBcftoolsAgrees(long seed) throws IOException {
        GeneratedMatrix matrix = GapMatrices.generate(seed);
        Path input = tmp.resolve("m.txt");
        matrix.writeTo(input, true);
        Path fasta = GapMatrices.writeReferenceFasta(matrix, tmp.resolve("ref.fa"));
        String mode = List.of("star", "deletion", "missing").get((int) (seed % 3));
        String name = List.of("out.vcf", "out.vcf.gz", "out.bcf").get((int) (seed / 3 % 3));
        Path out = tmp.resolve(name);
        List<String> args = new ArrayList<>(List.of("convert", input.toString(), "-o", out.toString(), "--gaps", mode, "-q",
                "--threads", Long.toString(1 + seed % 4)));
        List<ReferencePair> pairs = ReferenceConverter.defaultPairs(matrix.columnNames());
        boolean altFromSelected = seed % 2 == 1 && pairs.size() > 1;
        if (altFromSelected) {
            // One pair written, ALT over its samples only: the other samples' gaps are not this VCF's.
            pairs = pairs.subList(1, 2);
            args.addAll(List.of("--samples", pairs.get(0).sampleA() + "," + pairs.get(0).sampleB(), "--alt-from", "selected"));
        }
        CliRunner.Result result = CliRunner.run(args.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result.toString());
        List<String> expected = ReferenceFormats.vcfRecords(matrix.columnNames(), matrix.rows(),
                new Options(pairs, null, altFromSelected, true, false), mode);
        assertEquals(expected, records(out), mode + " " + name);

        ExternalTool.Result norm = ExternalTool.run(tmp, "bcftools", "norm", "-f", fasta.toString(), "--check-ref", "e",
                "-Ov", "-o", "/dev/null", out.toString());
        assertEquals(0, norm.exitCode(), norm.toString());
        assertFalse(norm.stderr().contains("REF_MISMATCH") || norm.stderr().contains("not match"), norm.stderr());

        long indels = expected.stream().filter(GapsTest::hasIndel).count();
        String viewed = ExternalTool.succeed(tmp, "bcftools", "view", "-H", "-v", "indels", out.toString());
        assertEquals(indels, viewed.isEmpty() ? 0 : viewed.split("\n").length, mode + " " + name);
        if (mode.equals("deletion")) {
            assertTrue(expected.stream().anyMatch(r -> r.split("\t")[3].length() > 1), "the seed makes deletions");
        }
    }

    /** Whether bcftools calls the record an indel: one of its ALT alleles is, by htslib's rule ({@link #isIndel}). */
    private static boolean hasIndel(String record) {
        String[] fields = record.split("\t");
        return Arrays.stream(fields[4].split(",")).anyMatch(a -> !a.equals("*") && !a.equals(".") && isIndel(fields[3], a));
    }

    /**
     * htslib's bcf_set_variant_type, for bases: past the common prefix, one allele ends (an
     * insertion or deletion); else, past the common suffix, one allele is down to a base that the
     * other's last remaining base matches. {@code A>TA} is an indel, {@code A>GGC} is not ("other").
     */
    static boolean isIndel(String ref, String alt) {
        int i = 0;
        while (i < ref.length() && i < alt.length() && ref.charAt(i) == alt.charAt(i)) {
            i++;
        }
        if (i == ref.length() || i == alt.length()) {
            return ref.length() != alt.length();
        }
        int re = ref.length() - 1;
        int ae = alt.length() - 1;
        while (re > i && ae > i && ref.charAt(re) == alt.charAt(ae)) {
            re--;
            ae--;
        }
        if (ae == i && re == i) {
            return false;
        }
        return (ae == i || re == i) && ref.charAt(re) == alt.charAt(ae);
    }

    @Test
    void exportFromADatabaseWritesTheSameDeletionsAsConvert() throws IOException {
        GeneratedMatrix matrix = GapMatrices.generate(4);
        Path input = tmp.resolve("m.txt");
        matrix.writeTo(input, true);
        Path db = tmp.resolve("m.duckdb");
        assertEquals(0, CliRunner.run("load", input.toString(), "--db", db.toString(), "-q").exitCode());
        Path out = tmp.resolve("e.bcf");
        CliRunner.Result result = CliRunner.run("export", "--db", db.toString(), "-o", out.toString(), "--gaps", "deletion");
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains(" deletion(s) from "), result.stderr());
        assertEquals(ReferenceCheck.expected(matrix, "deletion"), records(out));
        String header = ExternalTool.succeed(tmp, "bcftools", "view", "-h", out.toString());
        assertTrue(header.contains(";gaps=deletion"), header);
    }

    /**
     * With -r, deletion writes exactly what bcftools view -r keeps of the whole-file VCF: a
     * deletion anchored before a region's start or running past its end included, from convert
     * and from export, at any thread count.
     */
    @Test
    void deletionWithRegionsWritesWhatBcftoolsViewKeepsOfTheWholeFile() throws IOException {
        Path input = edges();
        Path whole = tmp.resolve("whole.vcf.gz");
        assertEquals(0, CliRunner.run("convert", input.toString(), "-o", whole.toString(), "--gaps", "deletion", "-q").exitCode());
        GeneratedMatrix generated = GapMatrices.generate(6);
        Path generatedInput = tmp.resolve("g.txt");
        generated.writeTo(generatedInput, true);
        Path generatedWhole = tmp.resolve("gwhole.vcf.gz");
        assertEquals(0, CliRunner.run("convert", generatedInput.toString(), "-o", generatedWhole.toString(), "--gaps", "deletion",
                "-q").exitCode());
        Path db = tmp.resolve("g.duckdb");
        assertEquals(0, CliRunner.run("load", generatedInput.toString(), "--db", db.toString(), "-q").exitCode());
        for (String regions : List.of("c1:4-4", "c1:5-11", "c1:1-2,c2:2", "c1:11", "c2")) {
            Path out = tmp.resolve("r.vcf");
            CliRunner.Result result = CliRunner.run("convert", input.toString(), "-o", out.toString(), "--gaps", "deletion",
                    "-r", regions, "-q");
            assertEquals(0, result.exitCode(), result.toString());
            assertEquals(ExternalTool.succeed(tmp, "bcftools", "view", "-H", "-r", regions, whole.toString()),
                    String.join("", records(out).stream().map(r -> r + "\n").toList()), regions);
        }
        assertEquals(List.of("c1\t3\t.\tGTA\tG,GAT\t.\t.\tAC=1,1;AN=3\tGT\t1|2\t0|."),
                recordsOf("convert", input.toString(), "--gaps", "deletion", "-r", "c1:5"));
        List<String> records = records(generatedWhole);
        String[] some = records.get(records.size() / 2).split("\t");
        long at = Long.parseLong(some[1]);
        String region = some[0] + ":" + (at + 1) + "-" + (at + 30);
        String expected = ExternalTool.succeed(tmp, "bcftools", "view", "-H", "-r", region, generatedWhole.toString());
        for (String threads : List.of("1", "2", "8")) {
            Path out = tmp.resolve("e" + threads + ".bcf");
            assertEquals(0, CliRunner.run("export", "--db", db.toString(), "-o", out.toString(), "--gaps", "deletion", "-r", region,
                    "--threads", threads, "-q").exitCode());
            assertEquals(expected, ExternalTool.succeed(tmp, "bcftools", "view", "-H", out.toString()), region + " " + threads);
        }
    }

    private List<String> recordsOf(String... args) {
        Path out = tmp.resolve("of.vcf");
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("-o", out.toString(), "-q"));
        CliRunner.Result result = CliRunner.run(all.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result.toString());
        return records(out);
    }

    @Test
    void anAnchorAtPositionZeroIsAnError() throws IOException {
        Path matrix = Files.writeString(tmp.resolve("zero.txt"), "CHROM\tPOS\tREF\t1a\t1b\nc\t0\tA\tA\tA\nc\t1\tC\t-\tC\n");
        Path out = tmp.resolve("zero.vcf");
        CliRunner.Result result = CliRunner.run("convert", matrix.toString(), "-o", out.toString(), "--gaps", "deletion");
        assertEquals(1, result.exitCode(), result.toString());
        assertEquals("hapmatrix: " + matrix + ": contig 'c', position 0: VCF positions run from 1 to 2147483647\n", result.stderr());
        assertFalse(Files.exists(out));
    }

    @Test
    void gapsIsRefusedForTheTableAndPhaseExtender() throws IOException {
        String matrix = edges().toString();
        for (List<String> args : List.of(List.of("-o", tmp.resolve("t.tsv").toString()),
                List.of("--format", "phase-extender"))) {
            List<String> all = new ArrayList<>(List.of("convert", matrix, "--gaps", "missing"));
            all.addAll(args);
            CliRunner.Result result = CliRunner.run(all.toArray(String[]::new));
            assertEquals(2, result.exitCode(), result.toString());
            assertTrue(result.stderr().startsWith("hapmatrix: --gaps missing: only VCF and BCF output"), result.stderr());
        }
    }

    /** The reference converter's records for a matrix, and the comparison with an output. */
    static final class ReferenceCheck {
        static List<String> expected(GeneratedMatrix matrix, String mode) {
            List<ReferencePair> pairs = ReferenceConverter.defaultPairs(matrix.columnNames());
            return ReferenceFormats.vcfRecords(matrix.columnNames(), matrix.rows(), new Options(pairs, null, false, true, false), mode);
        }

        static List<String> differences(String matrixText, Path vcf, String mode) {
            List<String> lines = matrixText.lines().toList();
            List<String> columns = List.of(lines.get(0).split("\t"));
            List<List<String>> rows = lines.subList(1, lines.size()).stream().map(l -> List.of(l.split("\t"))).toList();
            List<String> expected = expected(new GeneratedMatrix(columns, rows), mode);
            List<String> actual = records(vcf);
            return expected.equals(actual) ? List.of() : List.of("expected " + expected, "actual " + actual);
        }
    }
}
